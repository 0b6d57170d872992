// bastion-fixture: internal/mail/preview.go
package mail

import (
	"net/http"
	"text/template"
)

// Preview renders a subject line an editor types, before it is saved.
func Preview(w http.ResponseWriter, r *http.Request) {
	subject := template.New("subject")
// expect: template-injection
	if _, err := subject.Parse(r.FormValue("subject")); err != nil {
		http.Error(w, "bad template", http.StatusBadRequest)
		return
	}
	_ = subject.Execute(w, map[string]string{"Name": "Ada"})
}
