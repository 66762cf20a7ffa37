//! Deterministic corpus generator for the coc-lint benchmarks.
//!
//! ```text
//! gen-corpus dir --out DIR --files N --seed S
//! gen-corpus ndjson --out FILE --bytes B --seed S
//! gen-corpus big-params --out FILE --count 10000
//! ```

use std::collections::BTreeSet;
use std::fs::{self, File};
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use coc_lint_bench::{gen, mix_seed, DocKind, Layout, Options, Style, Violation};
use fastrand::Rng;
use serde::Serialize;

#[derive(Parser)]
#[command(
    name = "gen-corpus",
    about = "Generate seeded COC script-ticket JSON corpora with a manifest of injected violations"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Write N documents as .json files in subfolders, plus DIR/manifest.json.
    Dir {
        /// Output directory (must not exist or be empty).
        #[arg(long)]
        out: PathBuf,
        /// Number of files.
        #[arg(long, default_value_t = 10_000)]
        files: u64,
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// Share of documents with injected violations.
        #[arg(long, default_value_t = 0.2)]
        fault_rate: f64,
    },
    /// Stream an NDJSON export of about B bytes, plus FILE.manifest.json.
    Ndjson {
        #[arg(long)]
        out: PathBuf,
        /// Target size: a number of bytes, optionally with a K, M or G suffix
        /// (powers of 1000).
        #[arg(long, value_parser = parse_bytes)]
        bytes: u64,
        #[arg(long, default_value_t = 1)]
        seed: u64,
        #[arg(long, default_value_t = 0.2)]
        fault_rate: f64,
    },
    /// One valid ScriptExecuteParam with COUNT script_params (too many when
    /// COUNT > 20), plus FILE.manifest.json.
    BigParams {
        #[arg(long)]
        out: PathBuf,
        #[arg(long, default_value_t = 10_000)]
        count: usize,
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// Pretty-print (2-space) instead of minifying.
        #[arg(long)]
        pretty: bool,
    },
}

fn parse_bytes(text: &str) -> Result<u64, String> {
    let text = text.trim();
    let body = text.strip_suffix(['B', 'b']).unwrap_or(text);
    let (digits, factor) = match body.char_indices().last() {
        Some((i, 'k' | 'K')) => (&body[..i], 1_000),
        Some((i, 'm' | 'M')) => (&body[..i], 1_000_000),
        Some((i, 'g' | 'G')) => (&body[..i], 1_000_000_000),
        _ => (body, 1),
    };
    digits
        .parse::<u64>()
        .ok()
        .and_then(|n| n.checked_mul(factor))
        .ok_or_else(|| format!("invalid size {text:?} (expected e.g. 200000000, 500K, 200M, 1G)"))
}

fn main() -> ExitCode {
    let result = match Cli::parse().command {
        Command::Dir {
            out,
            files,
            seed,
            fault_rate,
        } => write_dir(&out, files, seed, fault_rate),
        Command::Ndjson {
            out,
            bytes,
            seed,
            fault_rate,
        } => write_ndjson(&out, bytes, seed, fault_rate),
        Command::BigParams {
            out,
            count,
            seed,
            pretty,
        } => write_big_params(&out, count, seed, pretty),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("gen-corpus: {err}");
            ExitCode::FAILURE
        }
    }
}

fn with_path(err: io::Error, path: &Path) -> io::Error {
    io::Error::new(err.kind(), format!("{}: {err}", path.display()))
}

fn manifest_path(file: &Path) -> PathBuf {
    let mut name = file.as_os_str().to_owned();
    name.push(".manifest.json");
    PathBuf::from(name)
}

fn write_json<T: Serialize>(path: &Path, value: &T) -> io::Result<()> {
    let file = File::create(path).map_err(|e| with_path(e, path))?;
    let mut out = BufWriter::new(file);
    serde_json::to_writer_pretty(&mut out, value)?;
    out.write_all(b"\n")?;
    out.flush()
}

#[derive(Serialize)]
struct DirManifest {
    seed: u64,
    fault_rate: f64,
    files: Vec<FileEntry>,
}

#[derive(Serialize)]
struct FileEntry {
    path: String,
    kind: &'static str,
    violations: Vec<Violation>,
}

/// Number of `part-N` subfolders per document kind.
const PARTS: u64 = 3;

fn write_dir(out: &Path, files: u64, seed: u64, fault_rate: f64) -> io::Result<()> {
    if out.exists() && fs::read_dir(out)?.next().is_some() {
        return Err(io::Error::new(
            io::ErrorKind::AlreadyExists,
            format!("{} is not empty; remove it first", out.display()),
        ));
    }
    let options = Options {
        fault_rate,
        layout: Layout::Mixed,
    };
    let mut created = BTreeSet::new();
    let mut entries = Vec::with_capacity(usize::try_from(files).unwrap_or(0));
    let mut faulty = 0u64;
    for index in 0..files {
        let mut rng = Rng::with_seed(mix_seed(seed, index));
        let doc = gen::generate(&mut rng, &options);
        let folder = format!("{}/part-{}", doc.kind.slug(), index % PARTS);
        if created.insert(folder.clone()) {
            let dir = out.join(&folder);
            fs::create_dir_all(&dir).map_err(|e| with_path(e, &dir))?;
        }
        let relative = format!("{folder}/{}-{index:05}.json", doc.kind.slug());
        let path = out.join(&relative);
        fs::write(&path, doc.text.as_bytes()).map_err(|e| with_path(e, &path))?;
        faulty += u64::from(!doc.violations.is_empty());
        entries.push(FileEntry {
            path: relative,
            kind: doc.kind.slug(),
            violations: doc.violations,
        });
    }
    write_json(
        &out.join("manifest.json"),
        &DirManifest {
            seed,
            fault_rate,
            files: entries,
        },
    )?;
    eprintln!(
        "gen-corpus: wrote {files} files ({faulty} with injected violations) to {}",
        out.display()
    );
    Ok(())
}

#[derive(Serialize)]
struct NdjsonManifest {
    seed: u64,
    fault_rate: f64,
    bytes: u64,
    lines: u64,
    /// Only the lines that carry violations, 1-based.
    faulty_lines: Vec<LineEntry>,
}

#[derive(Serialize)]
struct LineEntry {
    line: u64,
    kind: &'static str,
    violations: Vec<Violation>,
}

fn write_ndjson(out: &Path, target: u64, seed: u64, fault_rate: f64) -> io::Result<()> {
    let options = Options {
        fault_rate,
        layout: Layout::Minified,
    };
    let file = File::create(out).map_err(|e| with_path(e, out))?;
    let mut writer = BufWriter::with_capacity(1 << 20, file);
    let mut bytes = 0u64;
    let mut lines = 0u64;
    let mut faulty_lines = Vec::new();
    while bytes < target {
        let mut rng = Rng::with_seed(mix_seed(seed, lines));
        let doc = gen::generate(&mut rng, &options);
        debug_assert!(!doc.text.contains('\n'));
        writer.write_all(doc.text.as_bytes())?;
        writer.write_all(b"\n")?;
        bytes += doc.text.len() as u64 + 1;
        lines += 1;
        if !doc.violations.is_empty() {
            faulty_lines.push(LineEntry {
                line: lines,
                kind: doc.kind.slug(),
                violations: doc.violations,
            });
        }
    }
    writer.flush()?;
    let faulty = faulty_lines.len();
    write_json(
        &manifest_path(out),
        &NdjsonManifest {
            seed,
            fault_rate,
            bytes,
            lines,
            faulty_lines,
        },
    )?;
    eprintln!(
        "gen-corpus: wrote {lines} lines, {bytes} bytes ({faulty} lines with injected violations) to {}",
        out.display()
    );
    Ok(())
}

#[derive(Serialize)]
struct BigParamsManifest {
    seed: u64,
    kind: &'static str,
    count: usize,
    violations: Vec<Violation>,
}

fn write_big_params(out: &Path, count: usize, seed: u64, pretty: bool) -> io::Result<()> {
    let mut rng = Rng::with_seed(seed);
    let doc = gen::big_execute_param(&mut rng, count);
    let mut text = doc.render(if pretty {
        Style::Pretty
    } else {
        Style::Minified
    });
    text.push('\n');
    fs::write(out, text.as_bytes()).map_err(|e| with_path(e, out))?;
    let violations = if count > 20 {
        vec![Violation::TooManyScriptParams]
    } else {
        Vec::new()
    };
    write_json(
        &manifest_path(out),
        &BigParamsManifest {
            seed,
            kind: DocKind::ExecuteParam.slug(),
            count,
            violations,
        },
    )?;
    eprintln!(
        "gen-corpus: wrote a ScriptExecuteParam with {count} script_params ({} bytes) to {}",
        text.len(),
        out.display()
    );
    Ok(())
}
