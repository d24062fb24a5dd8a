//! The files of the repository the tests read: every file under a folder that a test keeps,
//! in a stable order.

use std::path::{Path, PathBuf};

/// The repository's root.
pub fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Every file under `dir` (and its folders) that `keep` keeps, sorted; none if `dir` is not
/// there.
pub fn under(dir: &Path, keep: &dyn Fn(&Path) -> bool) -> Vec<PathBuf> {
    fn walk(dir: &Path, keep: &dyn Fn(&Path) -> bool, found: &mut Vec<PathBuf>) {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                walk(&path, keep, found);
            } else if keep(&path) {
                found.push(path);
            }
        }
    }
    let mut found = Vec::new();
    walk(dir, keep, &mut found);
    found.sort();
    found
}

/// Whether `path` ends in one of `extensions`.
pub fn has_extension(path: &Path, extensions: &[&str]) -> bool {
    path.extension()
        .is_some_and(|e| extensions.iter().any(|x| e == *x))
}
