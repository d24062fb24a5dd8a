//! `regioplan server`: the language server on standard input and output.
//!
//! The messages are read on a thread of their own and written by this one, to the `out` the
//! binary hands every command (it holds standard output); the server runs between them on a
//! thread with the checks' stack.

use std::io::{IsTerminal, Write};

use lsp_server::{Connection, Message};

use super::ExitCode;
use super::check::WORKER_STACK_BYTES;
use crate::cli::ServerArgs;

pub fn run(
    _args: &ServerArgs,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> anyhow::Result<ExitCode> {
    if std::io::stdin().is_terminal() {
        // Someone typed `regioplan server` by hand: say what it waits for.
        writeln!(
            err,
            "regioplan server talks the Language Server Protocol with an editor on standard \
             input and output; start it from your editor (see \"In your editor\" in the \
             README). Ctrl-D ends it."
        )?;
    }
    let (to_server, from_client) = crossbeam_channel::unbounded();
    let (to_client, from_server) = crossbeam_channel::unbounded::<Message>();
    std::thread::Builder::new()
        .name("regioplan-server-reader".into())
        .spawn(move || {
            let mut stdin = std::io::stdin().lock();
            // End of input (the editor closed the connection) or a broken message ends reading;
            // the server then sees a closed channel and ends.
            while let Ok(Some(message)) = Message::read(&mut stdin) {
                let exit = matches!(&message, Message::Notification(n) if n.method == "exit");
                if to_server.send(message).is_err() || exit {
                    break;
                }
            }
        })?;
    std::thread::scope(|scope| {
        let server = std::thread::Builder::new()
            .name("regioplan-server".into())
            .stack_size(WORKER_STACK_BYTES)
            .spawn_scoped(scope, move || {
                let connection = Connection {
                    sender: to_client,
                    receiver: from_client,
                };
                crate::server::run(&connection)
            })?;
        let mut open = true;
        for message in from_server {
            // Once the editor stops reading, the rest is dropped until the server ends.
            if open && (message.write(&mut &mut *out).is_err() || out.flush().is_err()) {
                open = false;
            }
        }
        match server.join() {
            Ok(result) => result
                .map(|()| ExitCode::Clean)
                .map_err(anyhow::Error::from),
            Err(_) => crate::bail_said!(
                "the language server failed; please report it",
                "de taalserver is vastgelopen; meld het alstublieft"
            ),
        }
    })
}
