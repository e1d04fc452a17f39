//! What the release checks read from the native libraries: exported symbols, code size,
//! LOAD alignment and DT_NEEDED. Parsed in-process (goblin, already in the lock file through
//! uniffi-bindgen) so the checks need no binutils, no NDK and no llvm-tools on the machine, and
//! read every Android architecture the same way.

use std::collections::BTreeSet;
use std::path::Path;

use goblin::archive::Archive;
use goblin::elf::program_header::PT_LOAD;
use goblin::elf::sym::{STB_GLOBAL, STB_WEAK};
use goblin::elf::Elf;

fn read(path: &Path) -> Result<Vec<u8>, String> {
    std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))
}

/// The object files of a static archive, each with its member name.
fn archive_objects<'a>(path: &Path, bytes: &'a [u8]) -> Result<Vec<(String, Elf<'a>)>, String> {
    let archive = Archive::parse(bytes).map_err(|e| format!("{}: {e}", path.display()))?;
    let mut objects = Vec::new();
    for index in 0..archive.len() {
        let Some(member) = archive.get_at(index) else {
            continue;
        };
        let start = usize::try_from(member.offset).map_err(|e| e.to_string())?;
        let Some(data) = bytes.get(start..start + member.size()) else {
            return Err(format!(
                "{}: member {} is cut short",
                path.display(),
                member.extended_name()
            ));
        };
        // Rust staticlibs also carry the crates' metadata (lib.rmeta), which is no object file.
        if data.starts_with(b"\x7fELF") {
            let elf = Elf::parse(data)
                .map_err(|e| format!("{} ({}): {e}", path.display(), member.extended_name()))?;
            objects.push((member.extended_name().to_owned(), elf));
        }
    }
    Ok(objects)
}

fn is_exported(binding: u8, section: usize) -> bool {
    (binding == STB_GLOBAL || binding == STB_WEAK) && section != 0
}

/// The symbols a static archive defines globally: what a linker can export from it.
pub fn archive_exports(path: &Path) -> Result<BTreeSet<String>, String> {
    let bytes = read(path)?;
    let mut names = BTreeSet::new();
    for (_, elf) in archive_objects(path, &bytes)? {
        for sym in elf.syms.iter() {
            if is_exported(sym.st_bind(), sym.st_shndx) {
                if let Some(name) = elf.strtab.get_at(sym.st_name) {
                    names.insert(name.to_owned());
                }
            }
        }
    }
    Ok(names)
}

/// The bytes of code in a static archive: the sum of its objects' executable sections
/// (`.text*`). The archive's file size would mostly measure the metadata and the unused parts
/// of std that the linker drops; the code is what grows when the SDK grows.
pub fn archive_code_size(path: &Path) -> Result<u64, String> {
    let bytes = read(path)?;
    let mut total = 0;
    for (_, elf) in archive_objects(path, &bytes)? {
        for section in &elf.section_headers {
            if section.is_executable() {
                total += section.sh_size;
            }
        }
    }
    Ok(total)
}

/// A shared library as the loader sees it.
pub struct SharedLibrary {
    pub exports: BTreeSet<String>,
    pub needed: Vec<String>,
    /// (file offset, alignment) of every PT_LOAD segment.
    pub load_alignments: Vec<(u64, u64)>,
}

pub fn shared_library(path: &Path) -> Result<SharedLibrary, String> {
    let bytes = read(path)?;
    let elf = Elf::parse(&bytes).map_err(|e| format!("{}: {e}", path.display()))?;
    let exports = elf
        .dynsyms
        .iter()
        .filter(|sym| is_exported(sym.st_bind(), sym.st_shndx))
        .filter_map(|sym| elf.dynstrtab.get_at(sym.st_name).map(str::to_owned))
        .collect();
    Ok(SharedLibrary {
        exports,
        needed: elf.libraries.iter().map(|l| (*l).to_owned()).collect(),
        load_alignments: elf
            .program_headers
            .iter()
            .filter(|ph| ph.p_type == PT_LOAD)
            .map(|ph| (ph.p_offset, ph.p_align))
            .collect(),
    })
}
