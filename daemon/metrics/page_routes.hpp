#pragma once

#include "daemon/metrics/served_page.hpp"

struct CivetCallbacks;

namespace govmon {

// Serves pages beside /metrics on prometheus-cpp's own listener, through civetweb's
// begin_request callback: the Exposer has no handler API of its own, and a second port would
// be one more thing to open in a firewall. Civetweb hands that callback no pointer of ours,
// so pages are found by the listener's port, which no two listeners share.
const CivetCallbacks& page_callbacks();
void add_page_source(int port, page_source pages);
void remove_page_source(int port);

} // namespace govmon
