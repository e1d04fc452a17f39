//! A universal ("fat") static library made from one archive per architecture, written here so
//! that no lipo is needed (Debian's llvm-lipo crashes on archives holding bitcode sections):
//! a big-endian fat_header (0xcafebabe, the number of architectures), one fat_arch per
//! architecture (CPU type, subtype, offset, size, alignment as a power of two), then each
//! archive at a page-aligned offset, as lipo lays them out.

use std::path::Path;

use goblin::mach::fat::{SIZEOF_FAT_ARCH, SIZEOF_FAT_HEADER};

use super::macho;

/// 2^14: the arm64 page size, which lipo uses for arm64 members.
const ALIGN_POWER: u32 = 14;

fn page_aligned(offset: usize) -> usize {
    let page = 1_usize << ALIGN_POWER;
    offset.div_ceil(page) * page
}

/// Writes `out` from `inputs` (one thin archive each), then reads it back and fails unless it
/// lists each input's CPU type at an offset and size that give that input's exact bytes.
pub fn write(inputs: &[&Path], out: &Path) -> Result<(), String> {
    let mut parts = Vec::new();
    for input in inputs {
        let bytes = std::fs::read(input).map_err(|e| format!("{}: {e}", input.display()))?;
        let (cputype, cpusubtype) = macho::cpu_of_archive(input, &bytes)?;
        parts.push((cputype, cpusubtype, bytes));
    }
    let count = u32::try_from(parts.len()).map_err(|e| e.to_string())?;
    let mut file = Vec::new();
    file.extend(goblin::mach::fat::FAT_MAGIC.to_be_bytes());
    file.extend(count.to_be_bytes());
    let mut offset = page_aligned(SIZEOF_FAT_HEADER + parts.len() * SIZEOF_FAT_ARCH);
    let mut placed = Vec::new();
    for (cputype, cpusubtype, bytes) in &parts {
        let at = u32::try_from(offset).map_err(|_| "universal file over 4 GB".to_owned())?;
        let size = u32::try_from(bytes.len()).map_err(|_| "archive over 4 GB".to_owned())?;
        for word in [*cputype, *cpusubtype, at, size, ALIGN_POWER] {
            file.extend(word.to_be_bytes());
        }
        placed.push(offset);
        offset = page_aligned(offset + bytes.len());
    }
    for ((_, _, bytes), at) in parts.iter().zip(&placed) {
        file.resize(*at, 0);
        file.extend(bytes);
    }
    std::fs::write(out, &file).map_err(|e| format!("{}: {e}", out.display()))?;
    verify(&file, &parts).map_err(|problem| {
        format!(
            "{}: the universal file written is wrong: {problem}",
            out.display()
        )
    })
}

fn verify(file: &[u8], parts: &[(u32, u32, Vec<u8>)]) -> Result<(), String> {
    let arches = macho::fat_arches(file)?.ok_or("no fat header")?;
    if arches.len() != parts.len() {
        return Err(format!(
            "{} architectures, {} expected",
            arches.len(),
            parts.len()
        ));
    }
    for (arch, (cputype, cpusubtype, bytes)) in arches.iter().zip(parts) {
        if arch.cputype != *cputype || arch.cpusubtype != *cpusubtype {
            return Err(format!(
                "CPU type {:#x} where {cputype:#x} was written",
                arch.cputype
            ));
        }
        if arch.slice(file) != bytes.as_slice() {
            return Err(format!(
                "the {} archive does not read back",
                macho::arch_name(*cputype)
            ));
        }
    }
    Ok(())
}
