// bastion-fixture: internal/web/search.go
// ok: reflected-xss
package web

func search(w http.ResponseWriter, r *http.Request) {
	fmt.Fprintf(w, "total: %d", count(r.FormValue("q")))
	t := template.HTML("<b>static</b>")
	_ = t
}
