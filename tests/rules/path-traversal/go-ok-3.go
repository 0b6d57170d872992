// bastion-fixture: server/upload.go
// ok: path-traversal
package server

// A generated name keeps only the upload's extension.
func upload(w http.ResponseWriter, r *http.Request) {
	_, header, _ := r.FormFile("file")
	name := uuid.NewString() + filepath.Ext(header.Filename)
	os.WriteFile(filepath.Join(uploadDir, name), data, 0o644)
}
