//! Baseline for the coc-lint benchmarks: the cost of merely reading and
//! parsing the same JSON with `serde_json::from_slice::<serde_json::Value>`.
//!
//! ```text
//! parse-only [-j N] [--ndjson] PATH...
//! ```
//!
//! Directories are walked for `*.json` files (and `*.ndjson` / `*.jsonl`,
//! which are read one document per line, as is every file with `--ndjson`).
//! Prints `parsed N documents, E errors`.

use std::fs::File;
use std::io::{self, BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::Parser;
use rayon::prelude::*;
use walkdir::WalkDir;

#[derive(Parser)]
#[command(
    name = "parse-only",
    about = "Parse JSON files with serde_json only (the coc-lint baseline)"
)]
struct Cli {
    /// Worker threads (1 = no thread pool at all).
    #[arg(short = 'j', long = "jobs", default_value_t = 1, value_parser = clap::value_parser!(u16).range(1..))]
    jobs: u16,
    /// Read every file as NDJSON (one document per line).
    #[arg(long)]
    ndjson: bool,
    /// Files or directories.
    #[arg(required = true)]
    paths: Vec<PathBuf>,
}

/// Documents parsed and errors met (parse or I/O).
#[derive(Debug, Default, Clone, Copy)]
struct Tally {
    documents: u64,
    errors: u64,
}

impl std::ops::Add for Tally {
    type Output = Tally;
    fn add(self, other: Tally) -> Tally {
        Tally {
            documents: self.documents + other.documents,
            errors: self.errors + other.errors,
        }
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let (files, walk_errors) = collect_files(&cli.paths);
    let check = |path: &PathBuf| check_file(path, cli.ndjson);
    let tally = if cli.jobs == 1 {
        files.iter().map(check).fold(Tally::default(), |a, b| a + b)
    } else {
        let pool = match rayon::ThreadPoolBuilder::new()
            .num_threads(usize::from(cli.jobs))
            .build()
        {
            Ok(pool) => pool,
            Err(err) => {
                eprintln!("parse-only: cannot start threads: {err}");
                return ExitCode::from(2);
            }
        };
        pool.install(|| {
            files
                .par_iter()
                .map(check)
                .reduce(Tally::default, |a, b| a + b)
        })
    };
    let errors = tally.errors + walk_errors;
    println!("parsed {} documents, {errors} errors", tally.documents);
    ExitCode::SUCCESS
}

fn is_ndjson(path: &Path) -> bool {
    matches!(
        path.extension().and_then(|e| e.to_str()),
        Some("ndjson" | "jsonl")
    )
}

/// Expands directories into their `.json`/`.ndjson`/`.jsonl` files (sorted);
/// explicit file arguments are kept whatever their extension.
fn collect_files(paths: &[PathBuf]) -> (Vec<PathBuf>, u64) {
    let mut files = Vec::new();
    let mut errors = 0;
    for path in paths {
        if !path.is_dir() {
            files.push(path.clone());
            continue;
        }
        for entry in WalkDir::new(path).sort_by_file_name() {
            match entry {
                Ok(entry) if entry.file_type().is_file() => {
                    let p = entry.path();
                    if p.extension().is_some_and(|e| e == "json") || is_ndjson(p) {
                        files.push(entry.into_path());
                    }
                }
                Ok(_) => {}
                Err(err) => {
                    eprintln!("parse-only: {err}");
                    errors += 1;
                }
            }
        }
    }
    (files, errors)
}

fn check_file(path: &Path, ndjson: bool) -> Tally {
    let result = if ndjson || is_ndjson(path) {
        parse_lines(path)
    } else {
        parse_whole(path)
    };
    result.unwrap_or_else(|err| {
        eprintln!("parse-only: {}: {err}", path.display());
        Tally {
            documents: 0,
            errors: 1,
        }
    })
}

fn parse_whole(path: &Path) -> io::Result<Tally> {
    let bytes = std::fs::read(path)?;
    let ok = serde_json::from_slice::<serde_json::Value>(&bytes).is_ok();
    Ok(Tally {
        documents: 1,
        errors: u64::from(!ok),
    })
}

fn parse_lines(path: &Path) -> io::Result<Tally> {
    let mut reader = BufReader::with_capacity(1 << 16, File::open(path)?);
    let mut line = Vec::with_capacity(4096);
    let mut tally = Tally::default();
    loop {
        line.clear();
        if reader.read_until(b'\n', &mut line)? == 0 {
            return Ok(tally);
        }
        if line.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        tally.documents += 1;
        if serde_json::from_slice::<serde_json::Value>(&line).is_err() {
            tally.errors += 1;
        }
    }
}
