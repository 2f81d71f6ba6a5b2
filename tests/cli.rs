//! The `policy-news` command, run as a process on inputs made in a temporary
//! directory.

use policy_news::{Document, Meta, Parser};
use serde_json::Value;
use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

const BIN: &str = env!("CARGO_BIN_EXE_policy-news");

const EN: &str = "Bureau holds a discussion meeting\n\nOn the afternoon of October 13, the \
                  bureau held a discussion meeting. Director Zhang Wei chaired the meeting. \
                  Zhang Wei emphasized several requirements, firstly, unite the members. \
                  Secondly, serve the public.\n";
const ZH: &str = "市科协召开座谈会\n\n10月13日下午，市科协召开座谈会。张伟主持会议并讲话。\
                  张伟强调，一是要团结，二是要服务。";

/// A fresh, empty directory for one test.
fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("policy-news-cli-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn run(dir: &Path, args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(BIN)
        .current_dir(dir)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut input = child.stdin.take().unwrap();
    let bytes = stdin.to_vec();
    let writer = std::thread::spawn(move || {
        let _ = input.write_all(&bytes);
    });
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap();
    out
}

fn lines(out: &Output) -> Vec<Value> {
    String::from_utf8(out.stdout.clone())
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

fn utf16(s: &str, big_endian: bool) -> Vec<u8> {
    let mut out = if big_endian {
        vec![0xFE, 0xFF]
    } else {
        vec![0xFF, 0xFE]
    };
    for u in s.encode_utf16() {
        out.extend(if big_endian {
            u.to_be_bytes()
        } else {
            u.to_le_bytes()
        });
    }
    out
}

fn jsonl_record(id: &str, text: &str, published: Option<&str>) -> String {
    let mut v = serde_json::json!({"id": id, "text": text});
    if let Some(p) = published {
        v["published"] = p.into();
    }
    v.to_string()
}

/// Writes the mixed inputs; returns the directory.
fn mixed_inputs(name: &str) -> PathBuf {
    let dir = temp_dir(name);
    std::fs::write(dir.join("a.txt"), EN.replace('\n', "\r\n")).unwrap();
    let gbk = encoding_rs::GBK.encode(ZH).0.into_owned();
    std::fs::write(dir.join("gbk.txt"), gbk).unwrap();
    std::fs::write(dir.join("utf16.txt"), utf16(ZH, false)).unwrap();
    std::fs::write(dir.join("utf16be.txt"), utf16(EN, true)).unwrap();
    let junk: Vec<u8> = (0..2048u32)
        .map(|i| (i.wrapping_mul(2654435761) >> 13) as u8)
        .collect();
    std::fs::write(dir.join("undecodable.txt"), junk).unwrap();
    std::fs::write(dir.join("empty.txt"), b"").unwrap();
    let records = [
        jsonl_record("r1", EN, Some("2021-01-05")),
        "{\"id\": \"r2\", \"text\": 5}".to_string(),
        String::new(),
        jsonl_record("r3", ZH, None),
        "not json".to_string(),
    ];
    std::fs::write(dir.join("records.jsonl"), records.join("\n") + "\n").unwrap();
    std::fs::create_dir_all(dir.join("folder/b")).unwrap();
    std::fs::write(dir.join("folder/b/2.txt"), ZH).unwrap();
    std::fs::write(dir.join("folder/1.txt"), EN).unwrap();
    std::fs::write(dir.join("folder/notes.json"), "{}").unwrap();
    std::fs::write(dir.join("folder/readme.md"), "# no").unwrap();
    std::fs::write(
        dir.join("folder/c.ndjson"),
        jsonl_record("c1", EN, None) + "\r\n",
    )
    .unwrap();
    dir
}

#[test]
fn mixed_inputs_give_one_line_per_document_in_order() {
    let dir = mixed_inputs("mixed");
    let args = [
        "parse",
        "a.txt",
        "records.jsonl",
        "folder",
        "-",
        "gbk.txt",
        "utf16.txt",
        "utf16be.txt",
        "undecodable.txt",
        "empty.txt",
        "missing.txt",
    ];
    let out = run(&dir, &args, ZH.as_bytes());
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let got = lines(&out);
    let ids: Vec<&str> = got.iter().map(|v| v["id"].as_str().unwrap()).collect();
    assert_eq!(
        ids,
        [
            "a.txt",
            "r1",
            "r2",
            "r3",
            "records.jsonl:5",
            "folder/1.txt",
            "folder/b/2.txt",
            "c1",
            "-",
            "gbk.txt",
            "utf16.txt",
            "utf16be.txt",
            "undecodable.txt",
            "empty.txt",
            "missing.txt",
        ]
    );
    let kind = |i: usize| got[i]["error"]["kind"].as_str();
    let errors: Vec<(usize, &str)> = (0..got.len())
        .filter_map(|i| kind(i).map(|k| (i, k)))
        .collect();
    assert_eq!(
        errors,
        [(2, "record"), (4, "record"), (12, "decode"), (14, "io")]
    );
    // JSON-lines errors carry the line number; decode errors the byte position.
    assert_eq!(got[2]["error"]["line"], 2);
    assert_eq!(got[4]["error"]["line"], 5);
    assert!(got[12]["error"]["position"].is_u64());
    // Decoded texts parse like the library parses the original text.
    for i in [6, 8, 9, 10] {
        assert_eq!(got[i]["lang"], "zh", "line {i}");
        assert_eq!(got[i]["title"]["text"], "市科协召开座谈会");
    }
    assert_eq!(
        got[11]["title"]["text"],
        "Bureau holds a discussion meeting"
    );
    assert_eq!(got[0]["title"]["text"], "Bureau holds a discussion meeting");
    assert!(got[13]["title"].is_null());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("missing.txt"), "{stderr}");
    assert!(stderr.contains("11 articles, 4 errors"), "{stderr}");
}

#[test]
fn output_is_what_the_library_gives() {
    let dir = temp_dir("same");
    let docs = [
        Document::new(EN).with_id("e1"),
        Document::new(ZH)
            .with_id("z1")
            .with_published("2020-11-18".parse().unwrap()),
        Document::new(format!("{EN}\n{EN}")).with_id("e2"),
        Document::new("").with_id("empty"),
    ];
    let mut jsonl = String::new();
    for d in &docs {
        let published = d.published.map(|p| p.to_string());
        jsonl += &jsonl_record(d.id.as_deref().unwrap(), &d.text, published.as_deref());
        jsonl.push('\n');
    }
    // Enough records for several chunks.
    let many: String = (0..40).map(|_| jsonl.as_str()).collect();
    std::fs::write(dir.join("in.jsonl"), &many).unwrap();
    let out = run(
        &dir,
        &["parse", "--jobs", "2", "--chunk", "3", "in.jsonl"],
        b"",
    );
    assert_eq!(out.status.code(), Some(0));
    let got = lines(&out);
    assert_eq!(got.len(), docs.len() * 40);
    let parser = Parser::builder().build().unwrap();
    for (i, v) in got.iter().enumerate() {
        let d = &docs[i % docs.len()];
        let meta = Meta {
            id: d.id.clone(),
            published: d.published,
            lang: None,
        };
        let want = serde_json::to_value(parser.parse_with(&d.text, &meta)).unwrap();
        assert_eq!(v, &want, "line {}", i + 1);
    }
}

/// With `POLICY_NEWS_CORPUS=FILE.jsonl`, checks the command against the library on
/// that archive (e.g. the development corpus), record by record.
#[test]
fn corpus_output_is_what_the_library_gives() {
    let Ok(path) = std::env::var("POLICY_NEWS_CORPUS") else {
        return;
    };
    let dir = temp_dir("corpus");
    let out = run(&dir, &["parse", "-q", &path], b"");
    assert_eq!(out.status.code(), Some(0));
    let got = lines(&out);
    let parser = Parser::new();
    let docs: Vec<_> = policy_news::read::Records::new(
        BufReader::new(std::fs::File::open(&path).unwrap()),
        path.as_str(),
    )
    .collect();
    assert_eq!(got.len(), docs.len());
    for (v, d) in got.iter().zip(docs) {
        let d = d.unwrap();
        let want = serde_json::to_value(parser.parse_document(&d)).unwrap();
        assert_eq!(v, &want, "{:?}", d.id);
    }
}

#[test]
fn stdin_text_and_jsonl_are_told_apart() {
    let dir = temp_dir("stdin");
    let out = run(&dir, &["parse"], EN.as_bytes());
    assert_eq!(out.status.code(), Some(0));
    let got = lines(&out);
    assert_eq!(got.len(), 1);
    assert_eq!(got[0]["id"], "-");
    let records = format!(
        "\u{feff}{}\n{}\n",
        jsonl_record("x", EN, None),
        jsonl_record("y", ZH, None)
    );
    let out = run(
        &dir,
        &["parse", "-", "--published", "2022-03-04"],
        records.as_bytes(),
    );
    assert_eq!(out.status.code(), Some(0));
    let got = lines(&out);
    let ids: Vec<_> = got.iter().map(|v| v["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["x", "y"]);
}

#[test]
fn csv_tables_read_back_with_the_csv_crate() {
    let dir = mixed_inputs("csv");
    let out = run(
        &dir,
        &["parse", "--format", "csv", "a.txt", "missing.txt", "folder"],
        b"",
    );
    assert_eq!(out.status.code(), Some(1));
    let mut r = csv::Reader::from_reader(&out.stdout[..]);
    let header: Vec<String> = r.headers().unwrap().iter().map(String::from).collect();
    assert_eq!(header[0], "id");
    assert!(header.contains(&"title".to_string()));
    let error_kind = header.iter().position(|h| h == "error_kind").unwrap();
    let rows: Vec<csv::StringRecord> = r.records().map(Result::unwrap).collect();
    let ids: Vec<&str> = rows.iter().map(|r| &r[0]).collect();
    assert_eq!(
        ids,
        [
            "a.txt",
            "missing.txt",
            "folder/1.txt",
            "folder/b/2.txt",
            "c1"
        ]
    );
    assert_eq!(&rows[1][error_kind], "io");
    assert_eq!(&rows[0][error_kind], "");

    for table in [
        "events",
        "people",
        "attendees",
        "enumerations",
        "statements",
        "quoted_terms",
    ] {
        let out = run(
            &dir,
            &[
                "parse", "--format", "csv", "--table", table, "a.txt", "gbk.txt",
            ],
            b"",
        );
        assert_eq!(out.status.code(), Some(0), "{table}");
        let mut r = csv::Reader::from_reader(&out.stdout[..]);
        let header = r.headers().unwrap().clone();
        assert_eq!(&header[0], "id", "{table}");
        for row in r.records() {
            let row = row.unwrap();
            assert_eq!(row.len(), header.len(), "{table}");
            assert!(["a.txt", "gbk.txt"].contains(&&row[0]), "{table}");
        }
    }

    // Rows match the library's items: one per enumeration item.
    let out = run(
        &dir,
        &[
            "parse",
            "--format",
            "csv",
            "--table",
            "enumerations",
            "folder/1.txt",
        ],
        b"",
    );
    let article = Parser::new().parse_with(EN, &Meta::new().id("folder/1.txt"));
    let items: usize = article.enumerations.iter().map(|e| e.items.len()).sum();
    let mut r = csv::Reader::from_reader(&out.stdout[..]);
    let text = r
        .headers()
        .unwrap()
        .iter()
        .position(|h| h == "text")
        .unwrap();
    let rows: Vec<_> = r.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), items);
    for (row, item) in rows
        .iter()
        .zip(article.enumerations.iter().flat_map(|e| &e.items))
    {
        assert_eq!(&row[text], item.text);
    }

    // The same table as JSON lines, with a line for the failed document.
    let out = run(
        &dir,
        &["parse", "--table", "articles", "a.txt", "missing.txt"],
        b"",
    );
    let got = lines(&out);
    assert_eq!(got.len(), 2);
    assert_eq!(got[0]["n_paragraphs"], article.paragraphs.len());
    assert_eq!(got[1]["error"]["kind"], "io");
}

#[test]
fn output_file_is_complete_or_absent() {
    let dir = mixed_inputs("output");
    let out = run(
        &dir,
        &["parse", "-q", "-o", "out.jsonl", "a.txt", "missing.txt"],
        b"",
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    let written = std::fs::read_to_string(dir.join("out.jsonl")).unwrap();
    assert_eq!(written.lines().count(), 2);

    // An output that cannot be created is a usage-level failure, and leaves nothing.
    let out = run(
        &dir,
        &["parse", "-o", "no/such/dir/out.jsonl", "a.txt"],
        b"",
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(!dir.join("no").exists());
    let leftovers: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".part"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[cfg(unix)]
#[test]
fn interrupted_run_leaves_no_file() {
    let dir = temp_dir("sigint");
    std::fs::write(dir.join("old.jsonl"), "previous\n").unwrap();
    let mut child = Command::new(BIN)
        .current_dir(&dir)
        .args(["parse", "-q", "-o", "old.jsonl", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    writeln!(stdin, "{}", jsonl_record("a", EN, None)).unwrap();
    stdin.flush().unwrap();
    // Wait for the temporary file, then interrupt while input is still open.
    let part = |dir: &Path| {
        std::fs::read_dir(dir)
            .unwrap()
            .any(|e| e.unwrap().file_name().to_string_lossy().ends_with(".part"))
    };
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
    while !part(&dir) {
        assert!(std::time::Instant::now() < deadline, "no temporary file");
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    let status = Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(status.success());
    let code = child.wait().unwrap().code();
    drop(stdin);
    assert_eq!(code, Some(130));
    assert!(!part(&dir));
    assert_eq!(
        std::fs::read_to_string(dir.join("old.jsonl")).unwrap(),
        "previous\n"
    );
}

#[test]
fn closed_pipe_ends_quietly() {
    let dir = temp_dir("pipe");
    let record = jsonl_record("a", EN, None) + "\n";
    let many: String = (0..3000).map(|_| record.as_str()).collect();
    std::fs::write(dir.join("many.jsonl"), many).unwrap();
    let mut child = Command::new(BIN)
        .current_dir(&dir)
        .args(["parse", "many.jsonl"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut first)
        .unwrap();
    assert!(first.starts_with("{\"id\":\"a\""));
    // The reader is dropped: the pipe is closed.
    let mut stderr = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut stderr)
        .unwrap();
    let status = child.wait().unwrap();
    assert_eq!(status.code(), Some(0), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
}

#[test]
fn usage_errors_exit_2() {
    let dir = temp_dir("usage");
    for args in [
        &["parse", "--reference-date", "2020-13-45"][..],
        &["parse", "--jobs", "0"],
        &["parse", "--lang", "fr"],
        &["parse", "--format", "xml"],
        &["frobnicate"],
    ] {
        let out = run(&dir, args, b"");
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(out.stdout.is_empty());
    }
}

#[test]
fn utf16_jsonl_is_read() {
    let dir = temp_dir("utf16-jsonl");
    let records = format!(
        "\u{feff}{}\r\n{}\r\n",
        jsonl_record("x", EN, None),
        jsonl_record("y", ZH, None)
    );
    std::fs::write(dir.join("u.jsonl"), utf16(&records[3..], false)).unwrap();
    let out = run(&dir, &["parse", "u.jsonl"], b"");
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let got = lines(&out);
    let ids: Vec<_> = got.iter().map(|v| v["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["x", "y"]);
    assert_eq!(got[1]["title"]["text"], "市科协召开座谈会");
}

/// Chinese archives often hold JSON lines in GBK: such records decode, while a
/// line in another legacy encoding is an error record in its place.
#[test]
fn gbk_jsonl_is_read() {
    let dir = temp_dir("gbk-jsonl");
    let mut bytes = encoding_rs::GBK
        .encode(&format!(
            "{}\r\n{}\r\n",
            jsonl_record("x", ZH, Some("2019-10-14")),
            jsonl_record("y", EN, None)
        ))
        .0
        .into_owned();
    bytes.extend_from_slice(b"{\"id\": \"z\", \"text\": \"caf\xE9\"}\n");
    std::fs::write(dir.join("g.jsonl"), bytes).unwrap();
    let out = run(&dir, &["parse", "g.jsonl"], b"");
    assert_eq!(out.status.code(), Some(1));
    let got = lines(&out);
    let ids: Vec<_> = got.iter().map(|v| v["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["x", "y", "g.jsonl:3"]);
    assert_eq!(got[0]["title"]["text"], "市科协召开座谈会");
    assert_eq!(got[2]["error"]["kind"], "decode");
    assert_eq!(got[2]["error"]["line"], 3);
}

#[test]
fn other_named_files_are_sniffed() {
    let dir = temp_dir("sniff");
    let records = format!(
        "{}\n{}\n",
        jsonl_record("x", EN, None),
        jsonl_record("y", ZH, None)
    );
    std::fs::write(dir.join("dump.json"), records).unwrap();
    std::fs::write(dir.join("notes.md"), EN).unwrap();
    let out = run(&dir, &["parse", "dump.json", "notes.md"], b"");
    assert_eq!(out.status.code(), Some(0));
    let got = lines(&out);
    let ids: Vec<_> = got.iter().map(|v| v["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["x", "y", "notes.md"]);
}

/// A record with a 20 MB `text` and a deeply nested JSON line sit among good
/// records: each gives its one line, in order, and the good ones parse.
#[test]
fn huge_and_deeply_nested_records_are_accounted_for() {
    let dir = temp_dir("huge-nested");
    let big = "x".repeat(20 << 20);
    let nested = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    let records = [
        jsonl_record("before", EN, None),
        jsonl_record("big", &big, None),
        nested,
        jsonl_record("after", ZH, None),
    ];
    std::fs::write(dir.join("in.jsonl"), records.join("\n") + "\n").unwrap();
    let out = run(&dir, &["parse", "--quiet", "in.jsonl"], b"");
    let got = lines(&out);
    assert_eq!(got.len(), 4, "one line per record");
    assert_eq!(got[0]["id"], "before");
    assert!(got[0].get("error").is_none());
    assert_eq!(got[1]["id"], "big");
    assert!(got[1].get("error").is_none(), "a 20 MB text is parsed");
    assert!(
        got[2].get("error").is_some(),
        "a nested non-record is an error line"
    );
    assert_eq!(got[3]["id"], "after");
    assert!(got[3].get("error").is_none());
    assert_eq!(out.status.code(), Some(1));
}

/// `-o` on a named pipe writes into the pipe: renaming a finished file over the
/// path would replace the pipe (or, for `-o /dev/null` run as root, the device).
#[cfg(unix)]
#[test]
fn output_to_a_pipe_keeps_the_pipe() {
    use std::os::unix::fs::FileTypeExt;
    let dir = temp_dir("fifo");
    std::fs::write(dir.join("a.txt"), EN).unwrap();
    let made = Command::new("mkfifo").arg(dir.join("pipe")).status();
    if !made.is_ok_and(|s| s.success()) {
        eprintln!("mkfifo is not available; skipped");
        return;
    }
    // A reader on the other end, as a shell would give it.
    let pipe = dir.join("pipe");
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(std::fs::read(pipe));
    });
    let out = run(&dir, &["parse", "-q", "-o", "pipe", "a.txt"], b"");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // A reader still waiting means nothing was ever written into the pipe.
    let got = rx
        .recv_timeout(std::time::Duration::from_secs(20))
        .expect("the output never reached the pipe")
        .unwrap();
    let got = String::from_utf8(got).unwrap();
    assert_eq!(got.lines().count(), 1);
    assert!(got.contains("\"Zhang Wei\""), "{got}");
    let kind = std::fs::symlink_metadata(dir.join("pipe"))
        .unwrap()
        .file_type();
    assert!(kind.is_fifo(), "the pipe was replaced: {kind:?}");
    // No temporary file was left beside it.
    let names: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names.len(), 2, "{names:?}");
}

/// `-o` on a symbolic link replaces the file it leads to; the link stays.
#[cfg(unix)]
#[test]
fn output_through_a_link_keeps_the_link() {
    let dir = temp_dir("link");
    std::fs::write(dir.join("a.txt"), EN).unwrap();
    std::fs::create_dir(dir.join("real")).unwrap();
    std::fs::write(dir.join("real/out.jsonl"), "old\n").unwrap();
    std::os::unix::fs::symlink("real/out.jsonl", dir.join("out.jsonl")).unwrap();
    let out = run(&dir, &["parse", "-q", "-o", "out.jsonl", "a.txt"], b"");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let meta = std::fs::symlink_metadata(dir.join("out.jsonl")).unwrap();
    assert!(meta.file_type().is_symlink(), "the link was replaced");
    let got = std::fs::read_to_string(dir.join("real/out.jsonl")).unwrap();
    assert!(got.contains("\"Zhang Wei\""), "{got}");
}
