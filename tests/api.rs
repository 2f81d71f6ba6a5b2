//! The public API: traits, entry points.

use policy_news::{Document, Parser};

#[test]
fn parser_is_clone_send_sync() {
    fn assert_traits<T: Clone + Send + Sync + std::fmt::Debug + 'static>() {}
    assert_traits::<Parser>();
}

#[test]
fn batch_keeps_order_and_count() {
    let docs: Vec<Document> = (0..50)
        .map(|i| Document::new(format!("Title {i}\nBody {i}.")).with_id(format!("d{i}")))
        .collect();
    let out = Parser::new().parse_batch(&docs);
    assert_eq!(out.len(), 50);
    for (i, a) in out.iter().enumerate() {
        assert_eq!(a.id.as_deref(), Some(format!("d{i}").as_str()));
    }
}
