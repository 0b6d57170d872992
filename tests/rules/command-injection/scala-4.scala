// bastion-fixture: src/main/scala/web/JobsApp.scala
// Cask: the handler's request body run by a shell.
package web

object JobsApp extends cask.MainRoutes {
  @cask.post("/jobs/run")
  def run(request: cask.Request) = {
    val script = request.text()
// expect: command-injection
    Runtime.getRuntime.exec(Array("sh", "-c", script))
    "started"
  }

  initialize()
}
