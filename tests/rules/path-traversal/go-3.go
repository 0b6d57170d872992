// bastion-fixture: server/upload2.go
package server

// The client's own file name joined under the upload folder: `../` climbs out.
func upload(w http.ResponseWriter, r *http.Request) {
	_, header, _ := r.FormFile("file")
	name := uuid.NewString() + header.Filename
// expect: path-traversal
	os.WriteFile(filepath.Join(uploadDir, name), data, 0o644)
}
