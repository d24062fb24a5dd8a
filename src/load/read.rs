//! Reading a file a user named: the one place regioplan opens an input (plans, `regioplan.toml`,
//! framework files, both sides of a diff).
//!
//! Only regular files are read. A symbolic link is followed only to a regular file; a named
//! pipe, a device, a socket or a directory is refused with a message naming what it is, before
//! it is opened, so that reading can never block on a pipe or run on forever on `/dev/zero`.
//! The size is checked from the metadata before reading, the open handle is checked again (a
//! file swapped in between is caught; on Unix it is opened without blocking), and reading
//! stops one byte past the limit even when the file grows meanwhile.
//!
//! Every file opened here is remembered by identity (device and inode on Unix), so that
//! `-o FILE` can refuse to replace anything the command has read, whatever name it is given
//! (a hard link, another path, `./x`).

use std::collections::HashSet;
use std::fs::{File, Metadata};
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use crate::lang::{Label, Message, Plain};
use crate::msg;

/// Why a file was not read.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    /// The path is something other than a regular file: a directory, a named pipe, a device,
    /// a socket, or a symbolic link to one of them.
    #[error("`{path}` is {what}, not a file{advice}", path = path.display(), what = what.en(), advice = advice(what).en)]
    NotAFile { path: PathBuf, what: Message },
    /// A symbolic link that leads nowhere: its target does not exist, or the links loop.
    #[error("`{path}` is a symbolic link {what}", path = path.display(), what = what.en())]
    BadLink { path: PathBuf, what: Message },
    /// The file is larger than the limit: `size` is its size when known, else `None` (standard
    /// input, or a file that grew while it was read).
    #[error("`{path}` is more than {limit} bytes", path = path.display())]
    TooLarge {
        path: PathBuf,
        size: Option<u64>,
        limit: u64,
    },
    /// The operating system refused (no such file, no permission, ...).
    #[error("cannot read `{path}`: {source}", path = path.display())]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
}

fn advice(what: &Message) -> Label {
    if what.en().starts_with("a directory") {
        Label { en: "", nl: "" }
    } else {
        Label {
            en: "; name the file itself (regioplan reads only regular files)",
            nl: "; noem het bestand zelf (regioplan leest alleen gewone bestanden)",
        }
    }
}

impl ReadError {
    /// The error in both languages (its `Display` is the English text).
    #[must_use]
    pub fn message(&self) -> Message {
        match self {
            ReadError::NotAFile { path, what } => msg!(
                "`{path}` is {what}, not a file{advice}",
                "`{path}` is {what}, geen bestand{advice}",
                path = Plain(path.display()),
                what = what,
                advice = advice(what)
            ),
            ReadError::BadLink { path, what } => msg!(
                "`{path}` is a symbolic link {what}",
                "`{path}` is een symbolische koppeling {what}",
                path = Plain(path.display()),
                what = what
            ),
            ReadError::TooLarge { path, limit, .. } => msg!(
                "`{path}` is more than {limit} bytes",
                "`{path}` is groter dan {limit} bytes",
                path = Plain(path.display()),
                limit = Plain(limit)
            ),
            ReadError::Io { path, source } => msg!(
                "cannot read `{path}`: {source}",
                "kan `{path}` niet lezen: {source}",
                path = Plain(path.display()),
                source = Plain(source)
            ),
        }
    }
}

/// Reads the regular file at `path`, at most `limit` bytes.
///
/// # Errors
/// [`ReadError`] when the path is not a regular file (or a link to one), is larger than
/// `limit`, or cannot be read.
pub fn read_file(path: &Path, limit: u64) -> Result<Vec<u8>, ReadError> {
    let io = |source| ReadError::Io {
        path: path.to_path_buf(),
        source,
    };
    let own = std::fs::symlink_metadata(path).map_err(io)?;
    let meta = if own.file_type().is_symlink() {
        let target = std::fs::read_link(path).ok();
        let to = |target: &Option<PathBuf>| {
            target
                .as_ref()
                .map(|t| msg!(" to `{t}`", " naar `{t}`", t = Plain(t.display())))
        };
        match std::fs::metadata(path) {
            Ok(meta) => {
                if !meta.is_file() {
                    return Err(ReadError::NotAFile {
                        path: path.to_path_buf(),
                        what: msg!(
                            "a symbolic link{to}, which is {kind}",
                            "een symbolische koppeling{to}, en dat is {kind}",
                            to = to(&target),
                            kind = kind(&meta)
                        ),
                    });
                }
                meta
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                return Err(ReadError::BadLink {
                    path: path.to_path_buf(),
                    what: msg!(
                        "{to} that does not exist (a dangling link)",
                        "{to} die niet bestaat (een losse koppeling)",
                        to = to(&target)
                    )
                    .map(|_, text| text.trim_start().to_string()),
                });
            }
            Err(e) => {
                return Err(ReadError::BadLink {
                    path: path.to_path_buf(),
                    what: msg!(
                        "that cannot be followed: a loop of links, or a link through something \
                         that is not a directory ({e})",
                        "die niet te volgen is: een kring van koppelingen, of een koppeling via \
                         iets dat geen map is ({e})",
                        e = Plain(e)
                    ),
                });
            }
        }
    } else {
        own
    };
    regular(path, &meta)?;
    too_large(path, Some(meta.len()), limit)?;
    let file = open(path).map_err(io)?;
    // The path may have changed since it was looked at: check what was opened.
    let opened = file.metadata().map_err(io)?;
    regular(path, &opened)?;
    remember(path, &opened);
    too_large(path, Some(opened.len()), limit)?;
    let capacity = usize::try_from(opened.len().min(limit)).unwrap_or(0);
    let mut bytes = Vec::with_capacity(capacity.saturating_add(1));
    file.take(limit.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(io)?;
    if bytes.len() as u64 > limit {
        // The file grew while it was read.
        return Err(ReadError::TooLarge {
            path: path.to_path_buf(),
            size: None,
            limit,
        });
    }
    Ok(bytes)
}

/// A file's identity: device and inode on Unix, where hard links and other names of one file
/// share it; elsewhere its canonical path.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Identity(#[cfg(unix)] (u64, u64), #[cfg(not(unix))] PathBuf);

impl Identity {
    /// The identity of the file at `path` (links followed), if it exists.
    #[must_use]
    pub fn of(path: &Path) -> Option<Self> {
        let meta = std::fs::metadata(path).ok()?;
        Self::from_metadata(path, &meta)
    }

    #[cfg(unix)]
    #[allow(clippy::unnecessary_wraps, reason = "the same signature as elsewhere")]
    fn from_metadata(_: &Path, meta: &Metadata) -> Option<Self> {
        use std::os::unix::fs::MetadataExt as _;
        Some(Self((meta.dev(), meta.ino())))
    }

    #[cfg(not(unix))]
    fn from_metadata(path: &Path, _: &Metadata) -> Option<Self> {
        std::fs::canonicalize(path).ok().map(Self)
    }
}

/// The files read so far by this process.
static READ: Mutex<Option<HashSet<Identity>>> = Mutex::new(None);

fn remember(path: &Path, meta: &Metadata) {
    if let (Some(id), Ok(mut read)) = (Identity::from_metadata(path, meta), READ.lock()) {
        read.get_or_insert_with(HashSet::new).insert(id);
    }
}

/// Whether this process has read the file at `path` (by identity, under any name).
#[must_use]
pub fn was_read(path: &Path) -> bool {
    Identity::of(path).is_some_and(|id| {
        READ.lock()
            .map_or(true, |read| read.as_ref().is_some_and(|r| r.contains(&id)))
    })
}

/// Reads standard input, at most `limit` bytes (one more tells that there is more).
///
/// # Errors
/// [`ReadError::TooLarge`] past the limit, [`ReadError::Io`] when reading fails.
pub fn read_stdin(limit: u64) -> Result<Vec<u8>, ReadError> {
    let path = PathBuf::from("<stdin>");
    let mut bytes = Vec::new();
    std::io::stdin()
        .lock()
        .take(limit.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|source| ReadError::Io {
            path: path.clone(),
            source,
        })?;
    if bytes.len() as u64 > limit {
        return Err(ReadError::TooLarge {
            path,
            size: None,
            limit,
        });
    }
    Ok(bytes)
}

/// Opens for reading; on Unix without blocking, so that a named pipe swapped in after the
/// check cannot hang the run (a regular file reads the same either way).
fn open(path: &Path) -> std::io::Result<File> {
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK);
    }
    options.open(path)
}

fn regular(path: &Path, meta: &Metadata) -> Result<(), ReadError> {
    if meta.is_file() {
        Ok(())
    } else {
        Err(ReadError::NotAFile {
            path: path.to_path_buf(),
            what: kind(meta).into(),
        })
    }
}

fn too_large(path: &Path, size: Option<u64>, limit: u64) -> Result<(), ReadError> {
    if size.is_some_and(|s| s > limit) {
        Err(ReadError::TooLarge {
            path: path.to_path_buf(),
            size,
            limit,
        })
    } else {
        Ok(())
    }
}

/// What a path that is not a regular file is, in words.
fn kind(meta: &Metadata) -> Label {
    let file_type = meta.file_type();
    if file_type.is_dir() {
        return Label {
            en: "a directory",
            nl: "een map",
        };
    }
    if file_type.is_file() {
        return Label {
            en: "a file",
            nl: "een bestand",
        };
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if file_type.is_fifo() {
            return Label {
                en: "a named pipe (FIFO)",
                nl: "een named pipe (FIFO)",
            };
        }
        if file_type.is_char_device() {
            return Label {
                en: "a character device (a terminal, or a special file such as /dev/zero)",
                nl: "een tekenapparaat (een terminal, of een speciaal bestand zoals /dev/zero)",
            };
        }
        if file_type.is_block_device() {
            return Label {
                en: "a block device (a disk)",
                nl: "een blokapparaat (een schijf)",
            };
        }
        if file_type.is_socket() {
            return Label {
                en: "a socket",
                nl: "een socket",
            };
        }
    }
    Label {
        en: "not a regular file",
        nl: "geen gewoon bestand",
    }
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    #[test]
    fn a_device_and_a_link_to_it_are_refused_before_reading() {
        let error = read_file(Path::new("/dev/zero"), 10).expect_err("refused");
        assert!(
            error.to_string().contains("is a character device"),
            "{error}"
        );
        let dir = tempfile::tempdir().expect("tempdir");
        let link = dir.path().join("plan.yaml");
        std::os::unix::fs::symlink("/dev/zero", &link).expect("symlink");
        let error = read_file(&link, 10).expect_err("refused");
        let message = error.to_string();
        assert!(
            message.contains("a symbolic link to `/dev/zero`"),
            "{message}"
        );
        assert!(message.contains("character device"), "{message}");
    }

    #[test]
    fn reading_stops_at_the_limit() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("plan.yaml");
        std::fs::write(&path, b"0123456789").expect("write");
        assert_eq!(read_file(&path, 10).expect("reads"), b"0123456789");
        assert!(matches!(
            read_file(&path, 9),
            Err(ReadError::TooLarge {
                size: Some(10),
                limit: 9,
                ..
            })
        ));
    }
}
