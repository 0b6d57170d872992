// bastion-fixture: internal/directory/handlers.go
// go-ldap: a URL parameter spliced into the search filter.
package directory

import (
	"net/http"

	"github.com/go-chi/chi/v5"
	"github.com/go-ldap/ldap/v3"
)

const baseDN = "ou=people,dc=example,dc=org"

func (s *Server) getPerson(w http.ResponseWriter, r *http.Request) {
	uid := chi.URLParam(r, "uid")
// expect: ldap-injection
	req := ldap.NewSearchRequest(baseDN, ldap.ScopeWholeSubtree, ldap.NeverDerefAliases, 1, 10, false, "(&(objectClass=person)(uid="+uid+"))", []string{"cn", "mail"}, nil)
	res, err := s.conn.Search(req)
	if err != nil || len(res.Entries) == 0 {
		http.NotFound(w, r)
		return
	}
	w.Write([]byte(res.Entries[0].GetAttributeValue("cn")))
}
