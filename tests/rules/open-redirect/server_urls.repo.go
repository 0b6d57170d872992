// bastion-fixture: server/urls.go
package server

import "net/url"

func (h *Handler) continueURL(requestID string) string {
	u := url.URL{Path: "/auth/approval"}
	q := u.Query()
	q.Set("req", requestID)
	u.RawQuery = q.Encode()
	return u.String()
}

func (h *Handler) afterLogin(next string) string {
	if next == "" {
		return "/"
	}
	return next
}
