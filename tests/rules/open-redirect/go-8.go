// bastion-fixture: web/auth/next.go
package auth

// A helper returning the client's URL with a nil error hands the URL to its caller.
func Next(c echo.Context) error {
	target, err := nextURL(c.QueryParam("next"))
	if err != nil {
		return err
	}
// expect: open-redirect
	return c.Redirect(http.StatusFound, target)
}

func nextURL(next string) (string, error) {
	if next == "" {
		return "", errors.New("no target")
	}
	return next, nil
}
