// bastion-fixture: internal/web/greeting.go
package web

import (
	"html/template"
	"net/http"
)

// Greeting lets a marketing user try out a banner text with {{.Name}} placeholders.
func Greeting(w http.ResponseWriter, r *http.Request) {
	banner := r.FormValue("banner")
// expect: template-injection
	tmpl, err := template.New("banner").Parse(banner)
	if err != nil {
		http.Error(w, "bad template", http.StatusBadRequest)
		return
	}
	_ = tmpl.Execute(w, map[string]string{"Name": "Ada"})
}
