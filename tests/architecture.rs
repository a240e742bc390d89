//! The shape of the code, checked: the core (`src/core`, the crate `nianbao-core`) builds with
//! no web crate and has no `cfg(target_arch)` inside; its folders import only the folders
//! before them in the pipeline; and no module imports, however indirectly, a module that
//! imports it.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::Command;

/// The core's folders in pipeline order: each may import only itself and those before it.
const LAYERS: [&str; 6] = ["model", "text", "input", "reading", "rules", "output"];

/// Crates of the web app and of the native HTML parser, none of which the core may use.
const NOT_IN_THE_CORE: &[&str] = &[
    "yew",
    "wasm-bindgen",
    "wasm-bindgen-futures",
    "web-sys",
    "js-sys",
    "serde-wasm-bindgen",
    "gloo",
    "scraper",
    "html5ever",
    "clap",
];

fn core_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src/core")
}

/// Every `.rs` file of the core, with its module path (`reading::tables::rows`).
fn core_modules() -> Vec<(String, String)> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                out.push(path);
            }
        }
    }
    let mut files = Vec::new();
    walk(&core_dir(), &mut files);
    files.sort();
    files
        .into_iter()
        .map(|path| {
            let relative = path.strip_prefix(core_dir()).unwrap().with_extension("");
            let mut parts: Vec<String> = relative
                .components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect();
            if parts.last().is_some_and(|p| p == "mod" || p == "lib") {
                parts.pop();
            }
            (parts.join("::"), std::fs::read_to_string(&path).unwrap())
        })
        .collect()
}

/// The code of a file without its comments and tests (`#[cfg(test)]` and what follows): a doc
/// comment may name any item, and tests may reach anywhere.
fn code(source: &str) -> String {
    let code = source.split("#[cfg(test)]").next().unwrap_or(source);
    code.lines()
        .filter(|line| !line.trim_start().starts_with("//"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The module paths `crate::…` that a file names, resolved to the longest known module.
fn imports(source: &str, known: &BTreeSet<String>) -> BTreeSet<String> {
    let code = code(source);
    let mut found = BTreeSet::new();
    for (at, _) in code.match_indices("crate::") {
        let rest = &code[at + "crate::".len()..];
        let path: String = rest
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_' || *c == ':')
            .collect();
        let segments: Vec<&str> = path.split("::").filter(|s| !s.is_empty()).collect();
        let module = (1..=segments.len())
            .rev()
            .map(|n| segments[..n].join("::"))
            .find(|candidate| known.contains(candidate));
        found.extend(module);
    }
    found
}

#[test]
fn the_core_builds_with_no_web_crate() {
    for target in [None, Some("wasm32-unknown-unknown")] {
        let mut command = Command::new(env!("CARGO"));
        command
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .args([
                "tree",
                "-p",
                "nianbao-core",
                "-e",
                "normal",
                "--prefix",
                "none",
            ])
            .args(["--format", "{p}", "--offline"]);
        if let Some(target) = target {
            command.args(["--target", target]);
        }
        let output = command.output().expect("cargo tree runs");
        assert!(
            output.status.success(),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
        let tree = String::from_utf8(output.stdout).unwrap();
        let crates: BTreeSet<&str> = tree.lines().filter_map(|l| l.split(' ').next()).collect();
        assert!(
            crates.contains("nianbao-core") && crates.contains("serde"),
            "{crates:?}"
        );
        for web in NOT_IN_THE_CORE {
            assert!(
                !crates
                    .iter()
                    .any(|c| c == web || c.starts_with(&format!("{web}-"))),
                "the core depends on {web} (target {target:?}): {crates:?}"
            );
        }
    }
}

#[test]
fn the_core_has_no_platform_switch() {
    for (module, source) in core_modules() {
        assert!(
            !source.contains("cfg(target_arch") && !source.contains("cfg(not(target_arch"),
            "{module} switches on the target: the core is the same on every platform"
        );
    }
}

#[test]
fn each_folder_imports_only_the_folders_before_it() {
    let modules = core_modules();
    let known: BTreeSet<String> = modules.iter().map(|(m, _)| m.clone()).collect();
    let layer = |module: &str| {
        let top = module.split("::").next().unwrap_or("");
        LAYERS.iter().position(|l| *l == top)
    };
    let mut wrong = Vec::new();
    for (module, source) in &modules {
        // The crate root and the entry point (`check`) stand above every folder.
        let Some(own) = layer(module) else { continue };
        for imported in imports(source, &known) {
            if layer(&imported).is_none_or(|other| other > own) {
                wrong.push(format!("{module} imports {imported}"));
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "imports that point up the pipeline ({}):\n{}",
        LAYERS.join(" → "),
        wrong.join("\n")
    );
}

#[test]
fn no_module_imports_a_module_that_imports_it() {
    let modules = core_modules();
    let known: BTreeSet<String> = modules.iter().map(|(m, _)| m.clone()).collect();
    let graph: BTreeMap<String, BTreeSet<String>> = modules
        .iter()
        .map(|(module, source)| {
            let mut edges = imports(source, &known);
            edges.remove(module);
            (module.clone(), edges)
        })
        .collect();
    assert!(graph.len() > 40, "{} modules", graph.len());
    // Depth-first search; a module met again while still on the path closes a cycle.
    fn visit<'a>(
        module: &'a str,
        graph: &'a BTreeMap<String, BTreeSet<String>>,
        path: &mut Vec<&'a str>,
        done: &mut BTreeSet<&'a str>,
        cycles: &mut Vec<String>,
    ) {
        if done.contains(module) {
            return;
        }
        if let Some(at) = path.iter().position(|m| *m == module) {
            cycles.push(format!("{} → {module}", path[at..].join(" → ")));
            return;
        }
        path.push(module);
        for next in graph.get(module).into_iter().flatten() {
            visit(next, graph, path, done, cycles);
        }
        path.pop();
        done.insert(module);
    }
    let mut cycles = Vec::new();
    let mut done = BTreeSet::new();
    for module in graph.keys() {
        visit(module, &graph, &mut Vec::new(), &mut done, &mut cycles);
    }
    assert!(cycles.is_empty(), "import cycles:\n{}", cycles.join("\n"));
}

#[test]
fn rule_ids_are_written_only_in_the_registry() {
    let registry = Path::new("model/rule.rs");
    for (module, source) in core_modules() {
        if module
            == registry
                .with_extension("")
                .to_string_lossy()
                .replace('/', "::")
        {
            continue;
        }
        for family in nianbao::model::Rule::ALL
            .iter()
            .map(|r| r.family().prefix())
        {
            assert!(
                !source.contains(&format!("\"{family}.")),
                "{module} writes a rule id of {family}.*: name it by nianbao::model::Rule"
            );
        }
    }
}
