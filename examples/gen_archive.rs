//! Writes the seeded news-like archive of `controlmap::extract::bench::news` as JSON Lines on
//! standard output: `cargo run --release --example gen_archive -- --mb 100 [--seed 1]`.

use std::io::{BufWriter, Write};

fn main() -> anyhow::Result<()> {
    let mut mb = 10.0_f64;
    let mut seed = 1_u64;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let value = args.next().ok_or_else(|| anyhow::anyhow!("{arg}: needs a value"))?;
        match arg.as_str() {
            "--mb" => mb = value.parse().map_err(|e| anyhow::anyhow!("--mb {value}: {e}"))?,
            "--seed" => seed = value.parse().map_err(|e| anyhow::anyhow!("--seed {value}: {e}"))?,
            other => anyhow::bail!("{other}: unknown option (use --mb N, --seed S)"),
        }
    }
    let limit = (mb * (1 << 20) as f64) as usize;
    let stdout = std::io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let mut written = 0;
    for article in controlmap::extract::bench::news::archive(seed) {
        if written >= limit {
            break;
        }
        let line = article.to_json_line();
        written += line.len() + 1;
        writeln!(out, "{line}")?;
    }
    out.flush()?;
    Ok(())
}
