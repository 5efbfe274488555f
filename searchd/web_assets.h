// The search page: the files of searchd/web/, compiled into the program so
// cstd-searchd serves them from any folder, with nothing fetched from
// elsewhere.

#ifndef CSTD_SEARCHD_WEB_ASSETS_H_
#define CSTD_SEARCHD_WEB_ASSETS_H_

#include <string>
#include <string_view>

namespace cstd::searchd {

struct WebAsset {
  std::string_view name;          // "app.js"
  std::string_view content_type;  // "text/javascript; charset=utf-8"
  std::string_view body;
  std::string etag;  // a strong validator, quoted, from the bytes
};

/// The page served at "/" (web/index.html).
const WebAsset& WebPage();

/// The asset served at "/assets/{name}", or nullptr when there is none by
/// that name. The page itself is not an asset.
const WebAsset* FindWebAsset(std::string_view name);

}  // namespace cstd::searchd

#endif  // CSTD_SEARCHD_WEB_ASSETS_H_
