//! `-o FILE`: writing a command's output to a file safely.
//!
//! The bytes go to a temporary file in the target's directory that is then renamed into
//! place, so a reader never sees half a report. What is already at the path is only replaced
//! when it is a regular file that the command does not read: a symbolic link (whose target
//! would be replaced silently), a device, a pipe or a directory, and any file the command has
//! read (plans, `regioplan.toml`, framework files: by identity, so under any name), are refused
//! with an error. A replaced file keeps its permissions; a new one gets those the umask allows,
//! as a file made by the shell's `>` would.

use std::io::Write;
use std::path::{Path, PathBuf};

use super::said::Say;
use crate::lang::{Message, Plain};
use crate::load::read::Identity;
use crate::{bail_said, msg};

/// Writes `bytes` to `path` atomically, refusing links, non-regular files, `inputs` and every
/// file this process has read.
pub fn write_output(path: &Path, bytes: &[u8], inputs: &[PathBuf]) -> anyhow::Result<()> {
    let existing = refuse_unsafe(path, inputs)?;
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let mut builder = tempfile::Builder::new();
    // A new file: read and write for everyone, less what the umask takes away (the mode is
    // given to open(2), which applies the umask).
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    let mut file = builder.tempfile_in(dir).say(|| cannot_write_to(dir))?;
    if let Some(meta) = existing {
        // A replaced file keeps its permissions.
        file.as_file()
            .set_permissions(meta.permissions())
            .say(|| cannot_write(path))?;
    }
    file.write_all(bytes).say(|| cannot_write(path))?;
    file.persist(path).say(|| cannot_write(path))?;
    Ok(())
}

/// Replaces the plan at `path` with its fixed `bytes`: atomically (a temporary file in the
/// same directory, renamed into place) and with the file's permissions. A symbolic link is
/// followed, so the link stays and its target is fixed.
pub fn replace_plan(path: &Path, bytes: &[u8]) -> anyhow::Result<()> {
    let target = std::fs::canonicalize(path).say(|| cannot_write(path))?;
    let permissions = std::fs::metadata(&target)
        .say(|| cannot_write(path))?
        .permissions();
    let dir = match target.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let mut file = tempfile::NamedTempFile::new_in(dir).say(|| cannot_write_to(dir))?;
    file.write_all(bytes).say(|| cannot_write(path))?;
    file.as_file().set_permissions(permissions).say(|| {
        msg!(
            "cannot keep the permissions of `{p}`",
            "kan de rechten van `{p}` niet behouden",
            p = Plain(path.display())
        )
    })?;
    file.persist(&target).say(|| cannot_write(path))?;
    Ok(())
}

/// An error when writing to `path` would replace something it should not; else the metadata
/// of the file it replaces, if there is one.
fn refuse_unsafe(path: &Path, inputs: &[PathBuf]) -> anyhow::Result<Option<std::fs::Metadata>> {
    let meta = match std::fs::symlink_metadata(path) {
        Ok(meta) => meta,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => {
            return Err(e).say(|| cannot_write(path));
        }
    };
    if meta.file_type().is_symlink() {
        bail_said!(
            "refusing to write `{p}`: it is a symbolic link, and writing would replace it (name its target instead)",
            "`{p}` wordt niet geschreven: het is een symbolische koppeling, die het schrijven zou vervangen (noem het bestand waar die naar wijst)",
            p = Plain(path.display())
        );
    }
    if !meta.is_file() {
        bail_said!(
            "refusing to write `{p}`: it is not a regular file (a directory, device or pipe)",
            "`{p}` wordt niet geschreven: het is geen gewoon bestand (maar een map, apparaat of pipe)",
            p = Plain(path.display())
        );
    }
    let target = Identity::of(path);
    if crate::load::read::was_read(path)
        || inputs
            .iter()
            .any(|i| target.is_some() && Identity::of(i) == target)
    {
        bail_said!(
            "refusing to write `{p}`: this command reads it (a plan, the configuration or a framework file); name another file for the output",
            "`{p}` wordt niet geschreven: deze opdracht leest het (een plan, de configuratie of een raamwerk); kies een ander bestand voor de uitvoer",
            p = Plain(path.display())
        );
    }
    Ok(Some(meta))
}

fn cannot_write(path: &Path) -> Message {
    msg!(
        "cannot write `{p}`",
        "kan `{p}` niet schrijven",
        p = Plain(path.display())
    )
}

fn cannot_write_to(dir: &Path) -> Message {
    msg!(
        "cannot write to `{d}`",
        "kan niet schrijven in `{d}`",
        d = Plain(dir.display())
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_new_file_is_written_and_an_old_report_replaced() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("report.md");
        write_output(&path, b"one", &[]).expect("writes");
        write_output(&path, b"two", &[]).expect("replaces");
        assert_eq!(std::fs::read(&path).expect("reads"), b"two");
    }

    #[test]
    fn an_input_plan_is_never_replaced() {
        let dir = tempfile::tempdir().expect("tempdir");
        let plan = dir.path().join("plan.yaml");
        std::fs::write(&plan, "regioplan: 1\n").expect("writes");
        let same = dir.path().join(".").join("plan.yaml");
        let err = write_output(&same, b"report", std::slice::from_ref(&plan)).expect_err("refuses");
        assert!(err.to_string().contains("this command reads it"), "{err}");
        assert_eq!(std::fs::read(&plan).expect("reads"), b"regioplan: 1\n");
    }

    #[test]
    fn a_directory_is_refused() {
        let dir = tempfile::tempdir().expect("tempdir");
        let err = write_output(dir.path(), b"x", &[]).expect_err("refuses");
        assert!(err.to_string().contains("not a regular file"), "{err}");
    }

    #[cfg(unix)]
    #[test]
    fn a_fixed_plan_keeps_its_permissions_and_its_link() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().expect("tempdir");
        let plan = dir.path().join("plan.yaml");
        std::fs::write(&plan, "old").expect("writes");
        std::fs::set_permissions(&plan, std::fs::Permissions::from_mode(0o640)).expect("chmod");
        let link = dir.path().join("link.yaml");
        std::os::unix::fs::symlink(&plan, &link).expect("links");
        replace_plan(&link, b"new").expect("replaces");
        assert_eq!(std::fs::read(&plan).expect("reads"), b"new");
        assert!(
            link.symlink_metadata()
                .expect("link")
                .file_type()
                .is_symlink()
        );
        let mode = std::fs::metadata(&plan).expect("meta").permissions().mode();
        assert_eq!(mode & 0o777, 0o640);
    }

    #[cfg(unix)]
    #[test]
    fn a_device_and_a_symlink_are_refused() {
        let err = write_output(Path::new("/dev/null"), b"x", &[]).expect_err("refuses");
        assert!(err.to_string().contains("not a regular file"), "{err}");
        let dir = tempfile::tempdir().expect("tempdir");
        let target = dir.path().join("target.txt");
        std::fs::write(&target, "keep").expect("writes");
        let link = dir.path().join("link.txt");
        std::os::unix::fs::symlink(&target, &link).expect("links");
        let err = write_output(&link, b"x", &[]).expect_err("refuses");
        assert!(err.to_string().contains("symbolic link"), "{err}");
        assert_eq!(std::fs::read(&target).expect("reads"), b"keep");
    }
}
