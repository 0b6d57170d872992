// bastion-fixture: server/handlers.go
// ok: reflected-xss
package server

// The body is declared plain text before it is written: the browser shows it as text.
func putHandler(w http.ResponseWriter, r *http.Request) {
	filename := r.URL.Query().Get("name")
	w.Header().Set("Content-Type", "text/plain")
	fmt.Fprint(w, "stored as "+filename)
}

func jsonHandler(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Write([]byte(`{"q":"` + r.FormValue("q") + `"}`))
}
