// bastion-fixture: src/main/scala/web/FilesApp.scala
// Cask: a query parameter of a route joined to a folder with os-lib (`RelPath` allows `..`).
package web

object FilesApp extends cask.MainRoutes {
  @cask.get("/files")
  def file(name: String) = {
// expect: path-traversal
    os.read(os.Path("/srv/files") / os.RelPath(name))
  }

  initialize()
}
