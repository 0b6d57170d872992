// bastion-fixture: internal/web/preview.go
// ok: ssrf
package web

func preview(w http.ResponseWriter, r *http.Request) {
	resp, _ := http.Get(apiBase + "/users/" + r.FormValue("id"))
	_ = resp
}
