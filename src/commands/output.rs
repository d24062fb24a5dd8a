//! `-o FILE`: writing a command's output to a file safely.
//!
//! The bytes go to a temporary file in the target's directory that is then renamed into
//! place, so a reader never sees half a report. What is already at the path is only replaced
//! when it is a regular file that the command does not read: a symbolic link (whose target
//! would be replaced silently), a device, a pipe or a directory, and any of the command's own
//! input plans, are refused with an error.

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{Context, bail};

/// Writes `bytes` to `path` atomically, refusing links, non-regular files and `inputs`.
pub fn write_output(path: &Path, bytes: &[u8], inputs: &[PathBuf]) -> anyhow::Result<()> {
    refuse_unsafe(path, inputs)?;
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let mut file = tempfile::NamedTempFile::new_in(dir)
        .with_context(|| format!("cannot write to `{}`", dir.display()))?;
    file.write_all(bytes)
        .with_context(|| format!("cannot write `{}`", path.display()))?;
    file.persist(path)
        .with_context(|| format!("cannot write `{}`", path.display()))?;
    Ok(())
}

/// Replaces the plan at `path` with its fixed `bytes`: atomically (a temporary file in the
/// same directory, renamed into place) and with the file's permissions. A symbolic link is
/// followed, so the link stays and its target is fixed.
pub fn replace_plan(path: &Path, bytes: &[u8]) -> anyhow::Result<()> {
    let target = std::fs::canonicalize(path)
        .with_context(|| format!("cannot write `{}`", path.display()))?;
    let permissions = std::fs::metadata(&target)
        .with_context(|| format!("cannot write `{}`", path.display()))?
        .permissions();
    let dir = match target.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let mut file = tempfile::NamedTempFile::new_in(dir)
        .with_context(|| format!("cannot write to `{}`", dir.display()))?;
    file.write_all(bytes)
        .with_context(|| format!("cannot write `{}`", path.display()))?;
    file.as_file()
        .set_permissions(permissions)
        .with_context(|| format!("cannot keep the permissions of `{}`", path.display()))?;
    file.persist(&target)
        .with_context(|| format!("cannot write `{}`", path.display()))?;
    Ok(())
}

/// An error when writing to `path` would replace something it should not.
fn refuse_unsafe(path: &Path, inputs: &[PathBuf]) -> anyhow::Result<()> {
    let meta = match std::fs::symlink_metadata(path) {
        Ok(meta) => meta,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        Err(e) => {
            return Err(e).with_context(|| format!("cannot write `{}`", path.display()));
        }
    };
    if meta.file_type().is_symlink() {
        bail!(
            "refusing to write `{}`: it is a symbolic link, and writing would replace it (name its target instead)",
            path.display()
        );
    }
    if !meta.is_file() {
        bail!(
            "refusing to write `{}`: it is not a regular file (a directory, device or pipe)",
            path.display()
        );
    }
    let target = std::fs::canonicalize(path)
        .with_context(|| format!("cannot write `{}`", path.display()))?;
    if inputs
        .iter()
        .filter_map(|i| std::fs::canonicalize(i).ok())
        .any(|i| i == target)
    {
        bail!(
            "refusing to write `{}`: it is one of the plans being read",
            path.display()
        );
    }
    Ok(())
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
        assert!(err.to_string().contains("one of the plans"), "{err}");
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
