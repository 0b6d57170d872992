// bastion-fixture: tools/cmd/admincli/run.go
// ok: http-request-no-timeout
package main

import (
	"io"
	"net/http"
	"os"
)

// A command-line program: the person at the terminal waits, no server request does.
func runCommand(baseURL, token string) error {
	req, err := http.NewRequest(http.MethodGet, baseURL+"/api/status", nil)
	if err != nil {
		return err
	}
	req.Header.Set("x-token", token)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	_, err = io.Copy(os.Stdout, resp.Body)
	return err
}
