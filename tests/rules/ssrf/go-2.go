// bastion-fixture: internal/preview/handler.go
package preview

import (
	"fmt"
	"net/http"
	"strings"
)

func (h *Handler) Preview(w http.ResponseWriter, r *http.Request) {
	id := r.URL.Query().Get("id")
	// The URL is what the link table keeps for the id: code outside this change decides it.
	link := h.links.Resolve(id)
	// expect: ssrf
	resp, err := http.Get(link)
	if err == nil {
		resp.Body.Close()
	}
	raw := strings.TrimSpace(r.URL.Query().Get("url"))
	// expect: ssrf
	again, err := http.Get(fmt.Sprintf("%s", raw))
	if err == nil {
		again.Body.Close()
	}
}
