//! A zip whose bytes depend only on the files' paths and contents: entries sorted by path,
//! every timestamp 1980-01-01 00:00 (the first time zip can say), permissions 0644 for files
//! and 0755 for folders, no extra fields, deflate at one fixed level. Two builds of the same
//! files give the same zip, so a published checksum (SwiftPM's `checksum:`) can be rebuilt by
//! anyone from the same commit.

use std::io::Write;
use std::path::Path;

use flate2::write::DeflateEncoder;
use flate2::{Compression, Crc};

/// DOS date of 1980-01-01 (year 0 since 1980, month 1, day 1); time 00:00:00 is 0.
const DOS_DATE: u16 = (1 << 5) | 1;
const DOS_TIME: u16 = 0;
/// "Made by" Unix (3) with zip 2.0: readers then take the permissions from the high half of
/// the external attributes.
const MADE_BY_UNIX: u16 = (3 << 8) | 20;
const NEEDED: u16 = 20;
const DEFLATE: u16 = 8;
const STORED: u16 = 0;
/// Bit 11: names are UTF-8.
const FLAGS: u16 = 1 << 11;
const FILE_MODE: u32 = 0o100_644;
const DIR_MODE: u32 = 0o040_755;

struct Entry {
    name: String,
    data: Vec<u8>,
    is_dir: bool,
}

/// Every folder and file under `base/top`, named `top/…`, sorted.
fn collect(base: &Path, top: &str) -> Result<Vec<Entry>, String> {
    let mut entries = Vec::new();
    let mut pending = vec![top.to_owned()];
    while let Some(name) = pending.pop() {
        let path = base.join(&name);
        let meta =
            std::fs::symlink_metadata(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        if meta.file_type().is_symlink() {
            return Err(format!(
                "{}: a symbolic link; the archive holds files and folders only",
                path.display()
            ));
        }
        if meta.is_dir() {
            entries.push(Entry {
                name: format!("{name}/"),
                data: Vec::new(),
                is_dir: true,
            });
            let children =
                std::fs::read_dir(&path).map_err(|e| format!("{}: {e}", path.display()))?;
            for child in children {
                let child = child.map_err(|e| format!("{}: {e}", path.display()))?;
                let child_name = child
                    .file_name()
                    .into_string()
                    .map_err(|n| format!("{}: a name that is not UTF-8: {n:?}", path.display()))?;
                pending.push(format!("{name}/{child_name}"));
            }
        } else {
            let data = std::fs::read(&path).map_err(|e| format!("{}: {e}", path.display()))?;
            entries.push(Entry {
                name,
                data,
                is_dir: false,
            });
        }
    }
    entries.sort_by(|a, b| a.name.cmp(&b.name));
    Ok(entries)
}

fn u16_of(value: usize, what: &str) -> Result<u16, String> {
    u16::try_from(value).map_err(|_| format!("{what} too large for a zip ({value})"))
}

fn u32_of(value: usize, what: &str) -> Result<u32, String> {
    u32::try_from(value).map_err(|_| format!("{what} too large for a zip without zip64 ({value})"))
}

/// Writes `out`: the folder or file `base/top` and everything under it, as entries `top/…`.
pub fn write(base: &Path, top: &str, out: &Path) -> Result<(), String> {
    let entries = collect(base, top)?;
    let bytes = encode(&entries)?;
    std::fs::write(out, bytes).map_err(|e| format!("{}: {e}", out.display()))
}

fn encode(entries: &[Entry]) -> Result<Vec<u8>, String> {
    let mut zip = Vec::new();
    let mut central = Vec::new();
    for entry in entries {
        let mut crc = Crc::new();
        crc.update(&entry.data);
        let (method, body) = if entry.is_dir {
            (STORED, Vec::new())
        } else {
            let mut encoder = DeflateEncoder::new(Vec::new(), Compression::new(9));
            encoder
                .write_all(&entry.data)
                .and_then(|()| encoder.finish())
                .map(|body| (DEFLATE, body))
                .map_err(|e| format!("{}: {e}", entry.name))?
        };
        let offset = u32_of(zip.len(), "archive")?;
        let name = entry.name.as_bytes();
        let name_len = u16_of(name.len(), "name")?;
        let compressed = u32_of(body.len(), &entry.name)?;
        let size = u32_of(entry.data.len(), &entry.name)?;
        let mode = if entry.is_dir { DIR_MODE } else { FILE_MODE };
        // Local file header.
        zip.extend(0x0403_4b50_u32.to_le_bytes());
        for half in [NEEDED, FLAGS, method, DOS_TIME, DOS_DATE] {
            zip.extend(half.to_le_bytes());
        }
        for word in [crc.sum(), compressed, size] {
            zip.extend(word.to_le_bytes());
        }
        zip.extend(name_len.to_le_bytes());
        zip.extend(0_u16.to_le_bytes());
        zip.extend(name);
        zip.extend(&body);
        // Central directory record.
        central.extend(0x0201_4b50_u32.to_le_bytes());
        for half in [MADE_BY_UNIX, NEEDED, FLAGS, method, DOS_TIME, DOS_DATE] {
            central.extend(half.to_le_bytes());
        }
        for word in [crc.sum(), compressed, size] {
            central.extend(word.to_le_bytes());
        }
        // Name length, extra length, comment length, disk, internal attributes.
        for half in [name_len, 0, 0, 0, 0] {
            central.extend(half.to_le_bytes());
        }
        let directory_flag = if entry.is_dir { 0x10 } else { 0 };
        central.extend(((mode << 16) | directory_flag).to_le_bytes());
        central.extend(offset.to_le_bytes());
        central.extend(name);
    }
    let central_offset = u32_of(zip.len(), "archive")?;
    let central_size = u32_of(central.len(), "central directory")?;
    let count = u16_of(entries.len(), "entry count")?;
    zip.extend(&central);
    // End of central directory.
    zip.extend(0x0605_4b50_u32.to_le_bytes());
    for half in [0, 0, count, count] {
        zip.extend(half.to_le_bytes());
    }
    zip.extend(central_size.to_le_bytes());
    zip.extend(central_offset.to_le_bytes());
    zip.extend(0_u16.to_le_bytes());
    Ok(zip)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tree(name: &str) -> std::path::PathBuf {
        let dir = std::env::temp_dir().join(format!("xtask-zip-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(dir.join("top/b")).unwrap();
        std::fs::write(dir.join("top/b/z.txt"), "zzz zzz zzz zzz").unwrap();
        std::fs::write(dir.join("top/a.txt"), "a").unwrap();
        dir
    }

    #[test]
    fn the_same_files_give_the_same_bytes_whatever_their_times() {
        let one = tree("one");
        let two = tree("two");
        std::thread::sleep(std::time::Duration::from_millis(1100));
        std::fs::write(two.join("top/a.txt"), "a").unwrap();
        write(&one, "top", &one.join("out.zip")).unwrap();
        write(&two, "top", &two.join("out.zip")).unwrap();
        let first = std::fs::read(one.join("out.zip")).unwrap();
        assert_eq!(first, std::fs::read(two.join("out.zip")).unwrap());
        std::fs::write(two.join("top/a.txt"), "b").unwrap();
        write(&two, "top", &two.join("out.zip")).unwrap();
        assert_ne!(first, std::fs::read(two.join("out.zip")).unwrap());
        for dir in [one, two] {
            std::fs::remove_dir_all(dir).unwrap();
        }
    }

    #[test]
    fn a_zip_reader_lists_every_entry_sorted_and_reads_the_contents_back() {
        let dir = tree("read");
        write(&dir, "top", &dir.join("out.zip")).unwrap();
        let script = "import sys, zipfile\n\
            z = zipfile.ZipFile(sys.argv[1])\n\
            assert z.testzip() is None\n\
            print(' '.join(z.namelist()), z.read('top/b/z.txt').decode(), oct(z.getinfo('top/a.txt').external_attr >> 16))";
        let out = std::process::Command::new("python3")
            .args(["-c", script])
            .arg(dir.join("out.zip"))
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert_eq!(
            String::from_utf8(out.stdout).unwrap().trim(),
            "top/ top/a.txt top/b/ top/b/z.txt zzz zzz zzz zzz 0o100644"
        );
        std::fs::remove_dir_all(dir).unwrap();
    }
}
