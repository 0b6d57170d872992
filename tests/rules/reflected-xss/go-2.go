// bastion-fixture: server/pages.go
package server

// Declared HTML: the reflected text is markup.
func pageHandler(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
// expect: reflected-xss
	fmt.Fprint(w, "<h1>"+r.FormValue("title")+"</h1>")
}

// Plain text on another writer does not make this one plain.
func otherHandler(w http.ResponseWriter, r *http.Request, log http.ResponseWriter) {
	log.Header().Set("Content-Type", "text/plain")
// expect: reflected-xss
	fmt.Fprintf(w, "<p>%s</p>", r.FormValue("q"))
}
