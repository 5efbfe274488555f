#include "query/match_walk.h"

#include <algorithm>
#include <limits>
#include <memory>
#include <vector>

namespace cstd::query {

namespace {

// Past the last document: every node's answer once it has no more.
constexpr Xapian::docid kEnd = std::numeric_limits<Xapian::docid>::max();

// One operator of the query as a cursor over the documents it matches.
// SkipTo is called with targets that never decrease.
class Node {
 public:
  virtual ~Node() = default;
  // The first document at or after `target` this node matches, or kEnd.
  virtual Xapian::docid SkipTo(Xapian::docid target) = 0;
  // At most how many documents match: ANDs try their rarest part first.
  virtual Xapian::doccount Estimate() const = 0;
};

using NodePtr = std::unique_ptr<Node>;

// A term's posting list; the empty term's is every document (MatchAll).
class TermNode : public Node {
 public:
  TermNode(const Xapian::Database& db, const std::string& term)
      : it_(db.postlist_begin(term)), end_(db.postlist_end(term)),
        estimate_(term.empty() ? db.get_doccount() : db.get_termfreq(term)) {
    at_ = it_ == end_ ? kEnd : *it_;
  }
  Xapian::docid SkipTo(Xapian::docid target) override {
    if (at_ >= target) return at_;
    // The next document is the common case (the walk's own step): ++ reads
    // on, skip_to would search the chunk.
    if (target == at_ + 1) {
      ++it_;
    } else {
      it_.skip_to(target);
    }
    at_ = it_ == end_ ? kEnd : *it_;
    return at_;
  }
  Xapian::doccount Estimate() const override { return estimate_; }

 private:
  Xapian::PostingIterator it_;
  Xapian::PostingIterator end_;
  Xapian::doccount estimate_;
  Xapian::docid at_;
};

class NothingNode : public Node {
 public:
  Xapian::docid SkipTo(Xapian::docid) override { return kEnd; }
  Xapian::doccount Estimate() const override { return 0; }
};

class OrNode : public Node {
 public:
  explicit OrNode(std::vector<NodePtr> parts) : parts_(std::move(parts)) {}
  Xapian::docid SkipTo(Xapian::docid target) override {
    if (at_ >= target) return at_;
    Xapian::docid first = kEnd;
    for (const NodePtr& p : parts_) first = std::min(first, p->SkipTo(target));
    at_ = first;
    return at_;
  }
  Xapian::doccount Estimate() const override {
    Xapian::doccount sum = 0;
    for (const NodePtr& p : parts_) sum += p->Estimate();
    return sum;
  }

 private:
  std::vector<NodePtr> parts_;
  Xapian::docid at_ = 0;
};

// Leapfrog: each part skips to the latest candidate until all agree.
class AndNode : public Node {
 public:
  explicit AndNode(std::vector<NodePtr> parts) : parts_(std::move(parts)) {
    std::sort(parts_.begin(), parts_.end(),
              [](const NodePtr& a, const NodePtr& b) { return a->Estimate() < b->Estimate(); });
  }
  Xapian::docid SkipTo(Xapian::docid target) override {
    if (at_ >= target) return at_;
    Xapian::docid candidate = target;
    size_t agreed = 0;
    for (size_t i = 0; agreed < parts_.size(); i = (i + 1) % parts_.size()) {
      const Xapian::docid d = parts_[i]->SkipTo(candidate);
      if (d == kEnd) {
        candidate = kEnd;
        break;
      }
      if (d != candidate) {
        candidate = d;
        agreed = 1;
      } else {
        ++agreed;
      }
    }
    at_ = candidate;
    return at_;
  }
  Xapian::doccount Estimate() const override { return parts_.front()->Estimate(); }

 private:
  std::vector<NodePtr> parts_;  // rarest first
  Xapian::docid at_ = 0;
};

class AndNotNode : public Node {
 public:
  AndNotNode(NodePtr left, NodePtr right) : left_(std::move(left)), right_(std::move(right)) {}
  Xapian::docid SkipTo(Xapian::docid target) override {
    if (at_ >= target) return at_;
    Xapian::docid d = left_->SkipTo(target);
    while (d != kEnd && right_->SkipTo(d) == d) d = left_->SkipTo(d + 1);
    at_ = d;
    return at_;
  }
  Xapian::doccount Estimate() const override { return left_->Estimate(); }

 private:
  NodePtr left_;
  NodePtr right_;
  Xapian::docid at_ = 0;
};

// `parts` joined by a node of type T; null when fewer than `expected`
// parts were built (one could not be walked) or there are none.
template <typename T>
NodePtr Joined(std::vector<NodePtr> parts, size_t expected) {
  if (parts.size() != expected || parts.empty()) return nullptr;
  if (parts.size() == 1) return std::move(parts.front());
  return std::make_unique<T>(std::move(parts));
}

// The node walking `q`, or null when `q` has an operator this walk does
// not evaluate (see WalkMatches).
NodePtr Build(const Xapian::Database& db, const Xapian::Query& q) {
  const auto subqueries = [&](size_t from) -> std::vector<NodePtr> {
    std::vector<NodePtr> parts;
    for (size_t i = from; i < q.get_num_subqueries(); ++i) {
      NodePtr p = Build(db, q.get_subquery(i));
      if (!p) return {};
      parts.push_back(std::move(p));
    }
    return parts;
  };
  const size_t n = q.get_num_subqueries();
  switch (q.get_type()) {
    case Xapian::Query::LEAF_TERM:
      return std::make_unique<TermNode>(db, *q.get_terms_begin());
    case Xapian::Query::LEAF_MATCH_ALL:
      return std::make_unique<TermNode>(db, std::string());
    case Xapian::Query::LEAF_MATCH_NOTHING:
      return std::make_unique<NothingNode>();
    case Xapian::Query::OP_AND:
    case Xapian::Query::OP_FILTER:
      return Joined<AndNode>(subqueries(0), n);
    case Xapian::Query::OP_OR:
    case Xapian::Query::OP_SYNONYM:
    case Xapian::Query::OP_MAX:
      return Joined<OrNode>(subqueries(0), n);
    case Xapian::Query::OP_AND_NOT: {
      if (n == 0) return nullptr;
      NodePtr left = Build(db, q.get_subquery(0));
      if (!left) return nullptr;
      // AND_NOT(MatchAll, MatchAll) is how a filter says "nothing"
      // (searcher.cc): no need to walk every document to find that out.
      for (size_t i = 1; i < n; ++i) {
        if (q.get_subquery(i).get_type() == Xapian::Query::LEAF_MATCH_ALL) return std::make_unique<NothingNode>();
      }
      std::vector<NodePtr> rest = subqueries(1);
      if (rest.size() != n - 1) return nullptr;
      if (rest.empty()) return left;
      NodePtr right = rest.size() == 1 ? std::move(rest.front()) : std::make_unique<OrNode>(std::move(rest));
      return std::make_unique<AndNotNode>(std::move(left), std::move(right));
    }
    case Xapian::Query::OP_AND_MAYBE:
    case Xapian::Query::OP_SCALE_WEIGHT:
      // Only the first subquery decides what matches; the others weigh.
      if (n == 0) return nullptr;
      return Build(db, q.get_subquery(0));
    default:
      return nullptr;
  }
}

}  // namespace

bool WalkMatches(const Xapian::Database& db, const Xapian::Query& query,
                 const std::function<void(Xapian::docid)>& visit) {
  const NodePtr root = Build(db, query);
  if (!root) return false;
  for (Xapian::docid d = root->SkipTo(1); d != kEnd; d = root->SkipTo(d + 1)) visit(d);
  return true;
}

}  // namespace cstd::query
