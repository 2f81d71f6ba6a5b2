//! Data-driven fixtures: every `fixtures/<lang>/<case>.txt` is parsed and checked
//! against `fixtures/<lang>/<case>.json` (see `fixtures/README.md` for the format).
//! Adding a case is adding two files.

use policy_news::{Article, AttendeeKind, Meta, Parser};
use serde_json::Value;
use std::path::{Path, PathBuf};

fn fixture_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures")
}

/// Lower-case, quotes and dashes folded, whitespace collapsed, edge punctuation trimmed.
fn norm(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        let c = match c {
            '“' | '”' | '「' | '」' | '『' | '』' => '"',
            '‘' | '’' => '\'',
            '《' | '》' => continue,
            '—' | '–' => '-',
            '\u{3000}' => ' ',
            c => c,
        };
        out.extend(c.to_lowercase());
    }
    let out = out.split_whitespace().collect::<Vec<_>>().join(" ");
    out.trim_matches(|c: char| " \t\n.,;:!?\"'()[]-、。，；：！？【】".contains(c))
        .to_string()
}

fn tokens(s: &str) -> std::collections::BTreeSet<String> {
    if s.chars().any(|c| ('\u{3400}'..='\u{9fff}').contains(&c)) {
        s.chars().filter(|c| *c != ' ').map(String::from).collect()
    } else {
        s.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(String::from)
            .collect()
    }
}

/// The scorer's relaxed match: containment of at least half, or 60% word overlap.
fn relaxed(a: &str, b: &str) -> bool {
    let (a, b) = (norm(a), norm(b));
    if a.is_empty() || b.is_empty() {
        return false;
    }
    if a == b {
        return true;
    }
    let (short, long) = if a.len() <= b.len() {
        (&a, &b)
    } else {
        (&b, &a)
    };
    if long.contains(short.as_str()) && short.chars().count() * 2 >= long.chars().count() {
        return true;
    }
    let (ta, tb) = (tokens(&a), tokens(&b));
    let inter = ta.intersection(&tb).count();
    let union = ta.union(&tb).count();
    union > 0 && inter as f64 / union as f64 >= 0.6
}

fn strs(v: &Value) -> Vec<String> {
    v.as_array()
        .map(|a| {
            a.iter()
                .filter_map(|x| x.as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default()
}

/// One-to-one matching; returns (missed gold, extra predicted).
fn compare(
    gold: &[String],
    pred: &[String],
    same: impl Fn(&str, &str) -> bool,
) -> (Vec<String>, Vec<String>) {
    let mut left: Vec<String> = pred.to_vec();
    let mut missed = Vec::new();
    for g in gold {
        match left.iter().position(|p| same(g, p)) {
            Some(i) => {
                left.remove(i);
            }
            None => missed.push(g.clone()),
        }
    }
    (missed, left)
}

fn check_set(
    errs: &mut Vec<String>,
    field: &str,
    gold: &[String],
    pred: &[String],
    same: impl Fn(&str, &str) -> bool,
) {
    let (missed, extra) = compare(gold, pred, same);
    if !missed.is_empty() || !extra.is_empty() {
        errs.push(format!("{field}: missed {missed:?}, extra {extra:?}"));
    }
}

fn check(case: &str, src: &str, a: &Article, want: &Value) -> Vec<String> {
    let mut errs = Vec::new();
    let slice = |s: policy_news::Span| src.get(s.range()).unwrap_or("").to_string();
    if let Some(t) = want.get("title") {
        let got = a.title.as_ref().map(|t| t.text.clone());
        if t.as_str().map(norm) != got.as_deref().map(norm) {
            errs.push(format!("title: want {t}, got {got:?}"));
        }
    }
    if let Some(p) = want.get("published") {
        let got = a.published.map(|d| d.to_string());
        if p.as_str().map(str::to_string) != got {
            errs.push(format!("published: want {p}, got {got:?}"));
        }
    }
    if let Some(ev) = want.get("event") {
        let e = a.events.first();
        let kind = e.map(|e| {
            serde_json::to_value(e.kind)
                .unwrap()
                .as_str()
                .unwrap_or("")
                .to_string()
        });
        if ev.get("kind").and_then(Value::as_str).map(str::to_string) != kind {
            errs.push(format!("event.kind: want {}, got {kind:?}", ev["kind"]));
        }
        let date = e.and_then(|e| e.date.as_ref()).map(|d| d.value.to_string());
        if ev.get("date").and_then(Value::as_str).map(str::to_string) != date {
            errs.push(format!("event.date: want {}, got {date:?}", ev["date"]));
        }
        let tod = e
            .and_then(|e| e.date.as_ref())
            .and_then(|d| d.time_of_day)
            .map(|t| {
                serde_json::to_value(t)
                    .unwrap()
                    .as_str()
                    .unwrap_or("")
                    .to_string()
            });
        if ev
            .get("time_of_day")
            .and_then(Value::as_str)
            .map(str::to_string)
            != tod
        {
            errs.push(format!(
                "event.time_of_day: want {}, got {tod:?}",
                ev["time_of_day"]
            ));
        }
        let loc = e.and_then(|e| e.location.as_ref()).map(|l| l.text.clone());
        let want_loc = ev.get("location").and_then(Value::as_str);
        let ok = match (want_loc, &loc) {
            (None, None) => true,
            (Some(w), Some(g)) => {
                let (w, g) = (norm(w), norm(g));
                w.contains(&g) || g.contains(&w)
            }
            _ => false,
        };
        if !ok {
            errs.push(format!("event.location: want {want_loc:?}, got {loc:?}"));
        }
    }
    if let Some(kinds) = want.get("event_kinds") {
        let got: Vec<String> = a
            .events
            .iter()
            .map(|e| {
                serde_json::to_value(e.kind)
                    .unwrap()
                    .as_str()
                    .unwrap_or("")
                    .to_string()
            })
            .collect();
        if strs(kinds) != got {
            errs.push(format!("event_kinds: want {kinds}, got {got:?}"));
        }
    }
    let role_names = |f: &dyn Fn(&policy_news::Event) -> Vec<String>| {
        let mut v: Vec<String> = Vec::new();
        for e in &a.events {
            for n in f(e) {
                if !v.contains(&n) {
                    v.push(n);
                }
            }
        }
        v
    };
    if let Some(c) = want.get("chairs") {
        let got = role_names(&|e| e.chairs.iter().map(|r| r.name.clone()).collect());
        check_set(&mut errs, "chairs", &strs(c), &got, |x, y| {
            norm(x) == norm(y)
        });
    }
    if let Some(s) = want.get("speakers") {
        let got = role_names(&|e| e.speakers.iter().map(|r| r.name.clone()).collect());
        check_set(&mut errs, "speakers", &strs(s), &got, |x, y| {
            norm(x) == norm(y)
        });
    }
    if let Some(p) = want.get("people").and_then(Value::as_object) {
        let names: Vec<String> = p.keys().cloned().collect();
        let got: Vec<String> = a.people.iter().map(|x| x.name.clone()).collect();
        check_set(&mut errs, "people", &names, &got, |x, y| norm(x) == norm(y));
        let gold_pairs: Vec<String> = p
            .iter()
            .flat_map(|(n, ts)| strs(ts).into_iter().map(move |t| format!("{n}\u{1}{t}")))
            .collect();
        let got_pairs: Vec<String> = a
            .people
            .iter()
            .flat_map(|x| x.titles.iter().map(move |t| format!("{}\u{1}{t}", x.name)))
            .collect();
        check_set(&mut errs, "titles", &gold_pairs, &got_pairs, |x, y| {
            let (xn, xt) = x.split_once('\u{1}').unwrap_or((x, ""));
            let (yn, yt) = y.split_once('\u{1}').unwrap_or((y, ""));
            norm(xn) == norm(yn) && relaxed(xt, yt)
        });
    }
    if let Some(att) = want.get("attendees") {
        let got: Vec<String> = a
            .events
            .iter()
            .flat_map(|e| e.attendees.iter())
            .map(|x| match (x.kind, &x.name) {
                (AttendeeKind::Person, Some(n)) => n.clone(),
                _ => x.text.clone(),
            })
            .collect();
        check_set(&mut errs, "attendees", &strs(att), &got, |x, y| {
            norm(x) == norm(y) || relaxed(x, y)
        });
    }
    if let Some(en) = want.get("enumerations").and_then(Value::as_array) {
        let gold: Vec<Vec<String>> = en.iter().map(|l| strs(&l["items"])).collect();
        let got: Vec<Vec<String>> = a
            .enumerations
            .iter()
            .map(|l| l.items.iter().map(|i| i.text.clone()).collect())
            .collect();
        let mut left = got.clone();
        let mut missed = Vec::new();
        for g in &gold {
            match left.iter().position(|p| {
                p.len() == g.len() && g.iter().zip(p).all(|(x, y)| norm(y).starts_with(&norm(x)))
            }) {
                Some(i) => {
                    left.remove(i);
                }
                None => missed.push(g.clone()),
            }
        }
        if !missed.is_empty() || !left.is_empty() {
            errs.push(format!("enumerations: missed {missed:?}, extra {left:?}"));
        }
        for (l, g) in a.enumerations.iter().zip(en) {
            if let Some(sp) = g.get("speaker") {
                if sp.as_str().map(str::to_string) != l.speaker {
                    errs.push(format!(
                        "enumeration speaker: want {sp}, got {:?}",
                        l.speaker
                    ));
                }
            }
        }
    }
    if let Some(q) = want.get("quoted_terms") {
        let got: Vec<String> = a.quoted_terms.iter().map(|x| x.text.clone()).collect();
        check_set(&mut errs, "quoted_terms", &strs(q), &got, |x, y| {
            norm(x) == norm(y)
        });
    }
    let paras: Vec<String> = a.paragraphs.iter().map(|p| norm(&slice(*p))).collect();
    let junk: Vec<String> = a.boilerplate.iter().map(|b| norm(&slice(b.span))).collect();
    let inside = |s: &str, pieces: &[String]| pieces.iter().any(|p| p.contains(&norm(s)));
    for j in strs(want.get("junk").unwrap_or(&Value::Null)) {
        if !inside(&j, &junk) || inside(&j, &paras) {
            errs.push(format!("junk not set aside: {j:?}"));
        }
    }
    for b in strs(want.get("body").unwrap_or(&Value::Null)) {
        if !inside(&b, &paras) {
            errs.push(format!("body lost: {b:?}"));
        }
    }
    errs.into_iter().map(|e| format!("{case}: {e}")).collect()
}

fn run_dir(lang: &str) -> (usize, Vec<String>) {
    let dir = fixture_dir().join(lang);
    let mut cases: Vec<PathBuf> = std::fs::read_dir(&dir)
        .map(|rd| rd.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    cases.retain(|p| p.extension().is_some_and(|e| e == "json"));
    cases.sort();
    let parser = Parser::new();
    let mut errs = Vec::new();
    for json in &cases {
        let txt = json.with_extension("txt");
        let src =
            std::fs::read_to_string(&txt).unwrap_or_else(|e| panic!("{}: {e}", txt.display()));
        let want: Value = serde_json::from_str(&std::fs::read_to_string(json).unwrap())
            .unwrap_or_else(|e| panic!("{}: {e}", json.display()));
        let mut meta = Meta::new().id(txt.display().to_string());
        if let Some(p) = want.pointer("/meta/published").and_then(Value::as_str) {
            meta = meta.published(p.parse().unwrap());
        }
        let a = parser.parse_with(&src, &meta);
        let name = json.file_stem().unwrap().to_string_lossy().to_string();
        errs.extend(check(&format!("{lang}/{name}"), &src, &a, &want));
    }
    (cases.len(), errs)
}

#[test]
fn english_fixtures() {
    let (n, errs) = run_dir("en");
    assert!(n >= 16, "expected at least 16 English fixtures, found {n}");
    assert!(
        errs.is_empty(),
        "{} mismatches:\n{}",
        errs.len(),
        errs.join("\n")
    );
}

#[test]
fn chinese_fixtures() {
    let (_, errs) = run_dir("zh");
    assert!(
        errs.is_empty(),
        "{} mismatches:\n{}",
        errs.len(),
        errs.join("\n")
    );
}

/// The seed article's whole output is pinned: any change to it is deliberate.
/// Regenerate with `UPDATE_SNAPSHOTS=1 cargo test --test lib seed_article_snapshot`.
#[test]
fn seed_article_snapshot() {
    let dir = fixture_dir().join("en");
    let src = std::fs::read_to_string(dir.join("seed_bast_district_branches.txt")).unwrap();
    let article =
        Parser::new().parse_with(&src, &Meta::new().id("seed/bast_district_branches.txt"));
    let got = serde_json::to_value(&article).unwrap();
    let path = dir.join("seed_bast_district_branches.article.snap");
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
        std::fs::write(&path, serde_json::to_string_pretty(&got).unwrap() + "\n").unwrap();
    }
    let want: Value =
        serde_json::from_str(&std::fs::read_to_string(&path).expect("snapshot file")).unwrap();
    assert_eq!(
        got, want,
        "seed output changed; if intended, regenerate the snapshot"
    );
}
