//! Measures how long building a [`policy_news::Parser`] takes (the rules compile once).

fn main() {
    let t = std::time::Instant::now();
    let p = policy_news::Parser::new();
    println!("Parser::new: {:?}", t.elapsed());
    let t = std::time::Instant::now();
    let a = p.parse("Title\nOn October 13, Zhang Wei chaired a meeting.");
    println!("first parse: {:?} ({} events)", t.elapsed(), a.events.len());
}
