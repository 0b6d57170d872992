// bastion-fixture: cmd/server/main.go
package main

import "net/http"

func health(w http.ResponseWriter, r *http.Request) {
// expect: http-request-no-timeout
	resp, err := http.Get("https://status.example.com/ping")
	if err == nil {
		resp.Body.Close()
	}
}

func main() {
	http.HandleFunc("/health", health)
	http.ListenAndServe(":8080", nil)
}
