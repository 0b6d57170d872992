package directory

import (
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"net/http"
	"strings"

	"github.com/go-chi/chi/v5"
	"github.com/go-ldap/ldap/v3"
	"github.com/golang-jwt/jwt/v5"
)

const (
	ldapAddr          = "ldaps://ldap.corp.internal:636"
	baseDN            = "ou=people,dc=corp,dc=internal"
	serviceBindDN     = "cn=svc-directory,ou=services,dc=corp,dc=internal"
	serviceBindSecret = "Dir3ctory!Svc#2024" // vuln: CWE-798
)

type Person struct {
	CN   string `json:"cn"`
	Mail string `json:"mail"`
}

func Router() http.Handler {
	r := chi.NewRouter()
	r.Use(requestID)
	r.Get("/people/{uid}", getPerson)
	r.Get("/people", findByMail)
	r.Get("/me", whoAmI)
	return r
}

func requestID(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		buf := make([]byte, 16)
		if _, err := rand.Read(buf); err == nil { // safe: CWE-330
			w.Header().Set("X-Request-ID", hex.EncodeToString(buf))
		}
		next.ServeHTTP(w, r)
	})
}

func search(req *ldap.SearchRequest) ([]Person, error) {
	conn, err := ldap.DialURL(ldapAddr)
	if err != nil {
		return nil, err
	}
	defer conn.Close()
	if err := conn.Bind(serviceBindDN, serviceBindSecret); err != nil {
		return nil, err
	}
	res, err := conn.Search(req)
	if err != nil {
		return nil, err
	}
	people := make([]Person, 0, len(res.Entries))
	for _, e := range res.Entries {
		people = append(people, Person{CN: e.GetAttributeValue("cn"), Mail: e.GetAttributeValue("mail")})
	}
	return people, nil
}

func getPerson(w http.ResponseWriter, r *http.Request) {
	uid := chi.URLParam(r, "uid")
	req := ldap.NewSearchRequest(baseDN, ldap.ScopeWholeSubtree, ldap.NeverDerefAliases, 1, 10, false, "(&(objectClass=person)(uid="+uid+"))", []string{"cn", "mail"}, nil) // vuln: CWE-90
	people, err := search(req)
	if err != nil {
		http.Error(w, "directory unavailable", http.StatusBadGateway)
		return
	}
	json.NewEncoder(w).Encode(people)
}

func findByMail(w http.ResponseWriter, r *http.Request) {
	mail := ldap.EscapeFilter(r.URL.Query().Get("mail"))
	req := ldap.NewSearchRequest(baseDN, ldap.ScopeWholeSubtree, ldap.NeverDerefAliases, 50, 10, false, "(&(objectClass=person)(mail="+mail+"))", []string{"cn", "mail"}, nil) // safe: CWE-90
	people, err := search(req)
	if err != nil {
		http.Error(w, "directory unavailable", http.StatusBadGateway)
		return
	}
	json.NewEncoder(w).Encode(people)
}

func whoAmI(w http.ResponseWriter, r *http.Request) {
	raw := strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer ")
	claims := jwt.MapClaims{}
	if _, _, err := jwt.NewParser().ParseUnverified(raw, claims); err != nil { // vuln: CWE-347
		http.Error(w, "bad token", http.StatusUnauthorized)
		return
	}
	uid, _ := claims["sub"].(string)
	req := ldap.NewSearchRequest(baseDN, ldap.ScopeWholeSubtree, ldap.NeverDerefAliases, 1, 10, false, "(&(objectClass=person)(uid="+ldap.EscapeFilter(uid)+"))", []string{"cn", "mail"}, nil)
	people, err := search(req)
	if err != nil || len(people) == 0 {
		http.Error(w, "not found", http.StatusNotFound)
		return
	}
	json.NewEncoder(w).Encode(people[0])
}
