// bastion-fixture: internal/client/rates.go
package client

func Rates() (*http.Response, error) {
// expect: http-request-no-timeout
	return http.Get("https://rates.example.com/latest")
}

// expect: http-request-no-timeout
var c = &http.Client{Transport: tr}
