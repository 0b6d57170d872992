// bastion-fixture: internal/sidecar/transcode.go
package sidecar

import (
	"fmt"
	"net/http"
	"os"
)

func Transcode(port int) (*http.Response, error) {
	// expect: http-request-no-timeout
	return http.Get(fmt.Sprintf("http://localhost:%d/transcode", port))
}

func Probe() (*http.Response, error) {
	// expect: http-request-no-timeout
	return http.Get("http://127.0.0.1:4533/ping")
}

func Agent() (*http.Response, error) {
	// expect: http-request-no-timeout
	return http.Get(os.Getenv("AGENT_URL") + "/v1/info")
}

func Latest() (*http.Response, error) {
	// expect: http-request-no-timeout
	return http.Get("https://api.github.com/repos/acme/app/releases/latest")
}
