// bastion-fixture: internal/web/search.go
package web

func search(w http.ResponseWriter, r *http.Request) {
// expect: reflected-xss
	q := template.HTML(r.FormValue("q"))
// expect: reflected-xss
	fmt.Fprintf(w, "<p>No results for %s</p>", r.FormValue("q"))
	_ = q
}
