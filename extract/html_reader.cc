#include "extract/html_reader.h"

#include <gumbo.h>

#include <algorithm>
#include <cctype>
#include <memory>
#include <unordered_map>
#include <utility>

#include "extract/file_deadline.h"
#include "extract/inline.h"
#include "extract/reader.h"
#include "model/errors.h"
#include "model/text.h"

namespace cstd::extract {

namespace {

bool IsHtmlSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

bool IsTagNameEnd(char c) {
  return IsHtmlSpace(c) || c == '/' || c == '>';
}

// ---------------------------------------------------------------------------
// Depth limit, before parsing: gumbo checks scopes by walking its stack of
// open elements, so 100,000 nested <div> take it minutes. A light tokenizer
// tracks the elements that need an end tag and drops tags that would nest
// deeper than kMaxHtmlDepth.

// Elements that never nest by themselves: void elements (no content) and
// elements whose end tag is optional (the next sibling closes them).
bool IsUncounted(std::string_view name) {
  static constexpr std::string_view kNames[] = {
      "area",   "base",  "br",  "col",  "embed",   "hr",       "img",   "input", "keygen", "link", "meta",  "param",
      "source", "track", "wbr", "body", "caption", "colgroup", "dd",    "dt",    "head",   "html", "li",    "optgroup",
      "option", "p",     "rb",  "rp",   "rt",      "rtc",      "tbody", "td",    "tfoot",  "th",   "thead", "tr"};
  return std::find(std::begin(kNames), std::end(kNames), name) != std::end(kNames);
}

// Elements whose content is text up to their end tag.
bool IsRawText(std::string_view name) {
  static constexpr std::string_view kNames[] = {"script", "style",  "textarea", "title",
                                                "xmp",    "iframe", "noembed",  "noframes"};
  return std::find(std::begin(kNames), std::end(kNames), name) != std::end(kNames);
}

// The position of "</name" (any case) at or after `from`, or npos.
size_t FindEndTag(std::string_view html, std::string_view name, size_t from) {
  for (size_t pos = html.find("</", from); pos != std::string_view::npos; pos = html.find("</", pos + 2)) {
    const size_t end = pos + 2 + name.size();
    if (end <= html.size() && text::AsciiLower(html.substr(pos + 2, name.size())) == name &&
        (end == html.size() || IsTagNameEnd(html[end]))) {
      return pos;
    }
  }
  return std::string_view::npos;
}

// `html` without the tags that would open or close elements deeper than
// kMaxHtmlDepth; `removed` counts them. Linear in the size of `html`.
std::string LimitDepth(std::string_view html, size_t* removed) {
  std::vector<std::pair<size_t, size_t>> cuts;  // [begin, end) of dropped tags
  std::vector<std::string> open;                // counted elements, outermost first
  std::unordered_map<std::string, size_t> open_count, excess;
  size_t foreign = 0;  // open svg and math elements: "/>" closes there
  const size_t n = html.size();
  size_t i = 0;
  while ((i = html.find('<', i)) != std::string_view::npos && i + 1 < n) {
    if (html.compare(i, 4, "<!--") == 0) {
      const size_t end = html.find("-->", i + 2);
      i = end == std::string_view::npos ? n : end + 3;
      continue;
    }
    if (html[i + 1] == '!' || html[i + 1] == '?') {
      const size_t end = html.find('>', i);
      i = end == std::string_view::npos ? n : end + 1;
      continue;
    }
    const bool closing = html[i + 1] == '/';
    const size_t name_begin = i + (closing ? 2 : 1);
    if (name_begin >= n || !std::isalpha(static_cast<unsigned char>(html[name_begin]))) {
      ++i;
      continue;
    }
    size_t name_end = name_begin;
    while (name_end < n && !IsTagNameEnd(html[name_end])) ++name_end;
    const std::string name = text::AsciiLower(html.substr(name_begin, name_end - name_begin));
    // The tag's '>', past quoted attribute values.
    size_t k = name_end;
    char quote = 0, previous = 0;
    for (; k < n; ++k) {
      const char c = html[k];
      if (quote != 0) {
        if (c == quote) quote = 0;
      } else if (c == '>') {
        break;
      } else if ((c == '"' || c == '\'') && previous == '=') {
        quote = c;
      } else if (!IsHtmlSpace(c)) {
        previous = c;
      }
    }
    if (k >= n) break;  // a tag cut off by the end of the file: the parser drops it
    const size_t end = k + 1;
    i = end;
    if (IsUncounted(name)) continue;
    if (!closing) {
      const bool svg_or_math = name == "svg" || name == "math";
      if (html[k - 1] == '/' && (foreign > 0 || svg_or_math)) continue;  // "/>" closes foreign elements only
      if (foreign == 0 && IsRawText(name)) {
        // Never nests (its content is text) and is never cut, or a script's
        // text would show: skip to its end tag, which then closes nothing.
        const size_t close = FindEndTag(html, name, end);
        i = close == std::string_view::npos ? n : close;
        continue;
      }
      if (foreign == 0 && name == "plaintext") break;  // the rest of the file is text
      if (open.size() >= kMaxHtmlDepth) {
        cuts.emplace_back(name_begin - 1, end);
        ++excess[name];
        continue;
      }
      open.push_back(name);
      ++open_count[name];
      if (svg_or_math) ++foreign;
      continue;
    }
    if (auto it = excess.find(name); it != excess.end() && it->second > 0) {
      cuts.emplace_back(name_begin - 2, end);
      --it->second;
    } else if (open_count[name] > 0) {
      // Closes the innermost open one, and whatever is still open inside it.
      for (bool done = false; !done;) {
        done = open.back() == name;
        --open_count[open.back()];
        if (open.back() == "svg" || open.back() == "math") --foreign;
        open.pop_back();
      }
    }
  }
  *removed = cuts.size();
  if (cuts.empty()) return std::string(html);
  std::string out;
  out.reserve(html.size());
  size_t from = 0;
  for (const auto& [begin, end] : cuts) {
    out.append(html.substr(from, begin - from));
    from = end;
  }
  out.append(html.substr(from));
  return out;
}

// ---------------------------------------------------------------------------
// Writing text in ParseStructure's form.

class TextWriter {
 public:
  // Text of a text node: white space collapses, words are escaped.
  void Text(std::string_view s) {
    for (size_t i = 0; i < s.size();) {
      if (IsHtmlSpace(s[i]) || s.compare(i, 2, "\xC2\xA0") == 0) {
        if (s[i] == '\n' && pre_ > 0) {
          Break();
        } else {
          space_ = true;
        }
        i += s[i] == '\xC2' ? 2 : 1;
        continue;
      }
      size_t j = i;
      while (j < s.size() && !IsHtmlSpace(s[j]) && s.compare(j, 2, "\xC2\xA0") != 0) ++j;
      StartContent();
      block_ += EscapeInline(s.substr(i, j - i));
      i = j;
    }
  }

  void Space() { space_ = true; }

  // Ends the block; inside a heading or superscript, only a space.
  void Break() {
    if (inline_only_ > 0) {
      space_ = true;
      return;
    }
    Flush();
  }

  void BeginPre() {
    Break();
    ++pre_;
  }
  void EndPre() {
    --pre_;
    Break();
  }

  // A heading inside a heading or a superscript is only text.
  void BeginHeading(int level) {
    if (inline_only_ > 0) {
      ++nested_headings_;
      return;
    }
    Break();
    heading_ = true;
    level_ = level;
    ++inline_only_;
  }
  void EndHeading() {
    if (nested_headings_ > 0) {
      --nested_headings_;
      return;
    }
    heading_ = false;
    --inline_only_;
    const std::string text(text::Trim(block_));
    block_.clear();
    space_ = false;
    if (text.empty()) return;
    if (!out_.empty()) out_ += "\n\n";
    out_.append(static_cast<size_t>(level_), '#');
    out_ += ' ' + text;
  }

  void BeginSup() {
    if (sup_++ > 0) return;
    StartContent();
    block_ += "<sup>";
    sup_start_ = block_.size();
    ++inline_only_;
  }
  void EndSup() {
    if (--sup_ > 0) return;
    --inline_only_;
    if (block_.size() == sup_start_) {
      block_.resize(sup_start_ - 5);  // an empty superscript: no marker
    } else {
      block_ += "</sup>";
    }
  }

  // Markup that starts the next block's text ("12. ", "<sup>3</sup> "),
  // written with its first word; dropped if no text follows before
  // ClearPrefix.
  void Prefix(std::string raw) {
    if (!heading_) prefix_ = std::move(raw);
  }
  void ClearPrefix() { prefix_.clear(); }

  std::string Finish() {
    inline_only_ = 0;
    Flush();
    return std::move(out_);
  }

 private:
  // Called before writing a word or a "<sup>": the pending prefix at the
  // start of a block, else the pending space between words.
  void StartContent() {
    if (block_.empty()) {
      if (!heading_) block_ = std::exchange(prefix_, std::string());
    } else if (space_) {
      block_.push_back(' ');
    }
    space_ = false;
  }

  void Flush() {
    while (!block_.empty() && block_.back() == ' ') block_.pop_back();
    if (!block_.empty()) {
      if (!out_.empty()) out_ += "\n\n";
      out_ += block_;
      block_.clear();
    }
    space_ = false;
  }

  std::string out_;
  std::string block_;    // the block being written, one line
  std::string prefix_;   // see Prefix
  bool space_ = false;   // white space seen since the last word
  int inline_only_ = 0;  // open headings and superscripts: block ends are spaces
  bool heading_ = false;
  int nested_headings_ = 0;
  int level_ = 1;
  int sup_ = 0;
  size_t sup_start_ = 0;
  int pre_ = 0;
};

// ---------------------------------------------------------------------------
// Walking the tree.

bool IsBlock(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_ADDRESS:
    case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_BODY:
    case GUMBO_TAG_BR:
    case GUMBO_TAG_CAPTION:
    case GUMBO_TAG_CENTER:
    case GUMBO_TAG_DD:
    case GUMBO_TAG_DETAILS:
    case GUMBO_TAG_DIR:
    case GUMBO_TAG_DIV:
    case GUMBO_TAG_DL:
    case GUMBO_TAG_DT:
    case GUMBO_TAG_FIELDSET:
    case GUMBO_TAG_FIGCAPTION:
    case GUMBO_TAG_FIGURE:
    case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_FORM:
    case GUMBO_TAG_HEADER:
    case GUMBO_TAG_HGROUP:
    case GUMBO_TAG_HR:
    case GUMBO_TAG_HTML:
    case GUMBO_TAG_LEGEND:
    case GUMBO_TAG_LI:
    case GUMBO_TAG_LISTING:
    case GUMBO_TAG_MAIN:
    case GUMBO_TAG_NAV:
    case GUMBO_TAG_P:
    case GUMBO_TAG_SECTION:
    case GUMBO_TAG_SUMMARY:
    case GUMBO_TAG_TABLE:
    case GUMBO_TAG_TBODY:
    case GUMBO_TAG_TFOOT:
    case GUMBO_TAG_THEAD:
    case GUMBO_TAG_TR:
      return true;
    default:
      return false;
  }
}

bool IsDropped(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_AUDIO:
    case GUMBO_TAG_CANVAS:
    case GUMBO_TAG_EMBED:
    case GUMBO_TAG_HEAD:
    case GUMBO_TAG_IFRAME:
    case GUMBO_TAG_MATH:
    case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_OBJECT:
    case GUMBO_TAG_SCRIPT:
    case GUMBO_TAG_SELECT:
    case GUMBO_TAG_STYLE:
    case GUMBO_TAG_SVG:
    case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_TEXTAREA:
    case GUMBO_TAG_TITLE:
    case GUMBO_TAG_VIDEO:
      return true;
    default:
      return false;
  }
}

int HeadingLevel(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_H1:
      return 1;
    case GUMBO_TAG_H2:
      return 2;
    case GUMBO_TAG_H3:
      return 3;
    case GUMBO_TAG_H4:
      return 4;
    case GUMBO_TAG_H5:
      return 5;
    case GUMBO_TAG_H6:
      return 6;
    default:
      return 0;
  }
}

std::string_view Attribute(const GumboElement& element, const char* name) {
  const GumboAttribute* attribute = gumbo_get_attribute(&element.attributes, name);
  return attribute == nullptr ? std::string_view() : std::string_view(attribute->value);
}

bool Mentions(std::string_view value, std::string_view word) {
  return text::AsciiLower(value).find(word) != std::string::npos;
}

std::string Roman(int n) {
  static constexpr struct {
    int value;
    const char* digits;
  } kRoman[] = {{1000, "m"}, {900, "cm"}, {500, "d"}, {400, "cd"}, {100, "c"}, {90, "xc"}, {50, "l"},
                {40, "xl"},  {10, "x"},   {9, "ix"},  {5, "v"},    {4, "iv"},  {1, "i"}};
  std::string out;
  for (const auto& r : kRoman) {
    for (; n >= r.value; n -= r.value) out += r.digits;
  }
  return out;
}

std::string Letters(int n) {
  std::string out;
  for (; n > 0; n = (n - 1) / 26) out.insert(out.begin(), static_cast<char>('a' + (n - 1) % 26));
  return out;
}

// How an ordered list's item `n` is shown, in ParseStructure's terms.
std::string ItemMarker(int n, std::string_view type) {
  if (n >= 1 && n <= 3999 && (type == "a" || type == "A" || type == "i" || type == "I")) {
    std::string label = type == "a" || type == "A" ? Letters(n) : Roman(n);
    if (type == "A" || type == "I") std::transform(label.begin(), label.end(), label.begin(), ::toupper);
    return "(" + label + ") ";
  }
  return std::to_string(n) + ". ";
}

// A list number from an attribute, kept far from int's limits.
int ClampNumber(long n) {
  return static_cast<int>(std::clamp(n, -1'000'000L, 1'000'000L));
}

struct List {
  bool ordered = false;
  int next = 1;
  std::string type;
};

struct Frame {
  const GumboNode* node;
  unsigned next_child = 0;
  bool footnotes = false;  // inside a footnote list
};

// Nodes visited between looks at the per-file deadline: a look reads the
// clock, a node costs less.
constexpr size_t kStepsPerDeadlineCheck = 4096;

class Walker {
 public:
  std::string Run(const GumboNode* document) {
    std::vector<Frame> stack;
    stack.push_back({document, 0, false});
    for (size_t steps = 1; !stack.empty(); ++steps) {
      if (steps % kStepsPerDeadlineCheck == 0) CheckFileDeadline();
      Frame& frame = stack.back();
      const GumboVector& children = Children(*frame.node);
      if (frame.next_child >= children.length) {
        if (frame.node->type == GUMBO_NODE_ELEMENT) Exit(frame.node->v.element);
        stack.pop_back();
        continue;
      }
      const auto* child = static_cast<const GumboNode*>(children.data[frame.next_child++]);
      const bool footnotes = frame.footnotes;  // `frame` dies with the push below
      switch (child->type) {
        case GUMBO_NODE_TEXT:
        case GUMBO_NODE_CDATA:
        case GUMBO_NODE_WHITESPACE:
          writer_.Text(child->v.text.text);
          break;
        case GUMBO_NODE_ELEMENT:
          if (Enter(child->v.element, footnotes)) {
            const GumboElement& e = child->v.element;
            stack.push_back(
                {child, 0,
                 footnotes || Mentions(Attribute(e, "id"), "footnote") || Mentions(Attribute(e, "class"), "footnote")});
          }
          break;
        default:  // comments, templates, a nested document
          break;
      }
    }
    return writer_.Finish();
  }

 private:
  static const GumboVector& Children(const GumboNode& node) {
    return node.type == GUMBO_NODE_DOCUMENT ? node.v.document.children : node.v.element.children;
  }

  // Starts an element; false if it is dropped with everything inside.
  bool Enter(const GumboElement& e, bool footnotes) {
    if (IsDropped(e.tag) || gumbo_get_attribute(&e.attributes, "hidden") != nullptr ||
        Attribute(e, "role") == "doc-backlink" || Mentions(Attribute(e, "class"), "footnote-back")) {
      return false;
    }
    if (const int level = HeadingLevel(e.tag); level > 0) {
      writer_.BeginHeading(level);
      return true;
    }
    switch (e.tag) {
      case GUMBO_TAG_SUP:
        writer_.BeginSup();
        break;
      case GUMBO_TAG_PRE:
        writer_.BeginPre();
        break;
      case GUMBO_TAG_OL:
      case GUMBO_TAG_UL:
      case GUMBO_TAG_MENU: {
        writer_.Break();
        List list;
        list.ordered = e.tag == GUMBO_TAG_OL;
        if (const auto start = text::ParseInt(Attribute(e, "start"))) list.next = ClampNumber(*start);
        list.type = std::string(Attribute(e, "type"));
        lists_.push_back(std::move(list));
        break;
      }
      case GUMBO_TAG_LI:
        writer_.Break();
        if (!lists_.empty() && lists_.back().ordered) {
          List& list = lists_.back();
          if (const auto value = text::ParseInt(Attribute(e, "value"))) list.next = ClampNumber(*value);
          const int n = list.next++;
          writer_.Prefix(footnotes ? "<sup>" + std::to_string(n) + "</sup> " : ItemMarker(n, list.type));
        }
        break;
      default:
        Separate(e.tag);
    }
    return true;
  }

  void Exit(const GumboElement& e) {
    if (HeadingLevel(e.tag) > 0) {
      writer_.EndHeading();
      return;
    }
    switch (e.tag) {
      case GUMBO_TAG_SUP:
        writer_.EndSup();
        break;
      case GUMBO_TAG_PRE:
        writer_.EndPre();
        break;
      case GUMBO_TAG_OL:
      case GUMBO_TAG_UL:
      case GUMBO_TAG_MENU:
        if (!lists_.empty()) lists_.pop_back();
        writer_.Break();
        break;
      case GUMBO_TAG_LI:
        writer_.Break();
        writer_.ClearPrefix();
        break;
      default:
        Separate(e.tag);
    }
  }

  // What either edge of an element with no rule of its own does to the
  // flow of text: a table cell ends with a space (cells of a row read as
  // one line), a block element with a break, an inline one with nothing.
  void Separate(GumboTag tag) {
    if (tag == GUMBO_TAG_TD || tag == GUMBO_TAG_TH) {
      writer_.Space();
    } else if (IsBlock(tag)) {
      writer_.Break();
    }
  }

  TextWriter writer_;
  std::vector<List> lists_;
};

struct OutputDeleter {
  void operator()(GumboOutput* output) const { gumbo_destroy_output(&kGumboDefaultOptions, output); }
};

}  // namespace

std::string HtmlToText(const std::string& path, std::string_view bytes, std::vector<std::string>* warnings) {
  // Empty, binary and invalid UTF-8 files fail here, naming line and byte.
  const std::string checked = NormaliseText(path, bytes);
  size_t removed = 0;
  const std::string html = LimitDepth(checked, &removed);
  if (removed > 0 && warnings != nullptr) {
    warnings->push_back("HTML nested deeper than " + std::to_string(kMaxHtmlDepth) + " elements: " +
                        std::to_string(removed) + " tags past that depth were ignored, their text kept");
  }

  GumboOptions options = kGumboDefaultOptions;
  options.max_errors = 0;  // parse errors are not reported; do not keep them
  // The tree points into `html`, which outlives it.
  const std::unique_ptr<GumboOutput, OutputDeleter> output(
      gumbo_parse_with_options(&options, html.data(), html.size()));
  if (!output || output->document == nullptr) throw InputError(path, "the HTML parser failed on this file");

  std::string out = Walker().Run(output->document);
  if (text::Trim(out).empty()) throw InputError(path, "no text in the HTML (only markup)");
  return out;
}

}  // namespace cstd::extract
