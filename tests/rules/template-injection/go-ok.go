// bastion-fixture: internal/web/greeting.go
package web
// ok: template-injection

import (
	"html/template"
	"net/http"
)

var banner = template.Must(template.New("banner").Parse(`<p>Hello, {{.Name}}!</p>`))

// Greeting renders the request's name into a fixed template; html/template escapes it.
func Greeting(w http.ResponseWriter, r *http.Request) {
	name := r.FormValue("name")
	_ = banner.Execute(w, map[string]string{"Name": name})
}
