// bastion-fixture: internal/client/http.go
package client

var tr = &http.Transport{
// expect: tls-verification-disabled
	TLSClientConfig: &tls.Config{InsecureSkipVerify: true},
}
