// bastion-fixture: web/oidc/oidc.go
// ok: open-redirect
package oidc

// The identity provider's configured URL; the request only fills its query, through state
// kept on the server. A failed store returns its error, which is not the URL.
func Start(c echo.Context) error {
	u, err := makeStartURL(c.QueryParam("redirect"), conf)
	if err != nil {
		return err
	}
	return c.Redirect(http.StatusSeeOther, u)
}

func makeStartURL(redirect string, conf *Config) (string, error) {
	u, err := url.Parse(conf.AuthorizeURL)
	if err != nil {
		return "", err
	}
	state := newStateHolder(redirect)
	if err = getStorage().Add(state); err != nil {
		return "", err
	}
	vv := u.Query()
	vv.Add("state", state.id)
	u.RawQuery = vv.Encode()
	return u.String(), nil
}
