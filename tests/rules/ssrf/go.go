// bastion-fixture: internal/web/preview.go
package web

func preview(w http.ResponseWriter, r *http.Request) {
// expect: ssrf
	resp, _ := http.Get(r.URL.Query().Get("url"))
	_ = resp
}
