// bastion-fixture: app/controllers/ErrorHandler.scala
// ok: stack-trace-in-response
package controllers

import org.apache.commons.lang3.exception.ExceptionUtils
import play.api.Logger
import play.api.http.HttpErrorHandler
import play.api.mvc._
import play.api.mvc.Results._
import scala.concurrent.Future

class ErrorHandler extends HttpErrorHandler {
  private val logger = Logger(getClass)

  def onClientError(request: RequestHeader, statusCode: Int, message: String): Future[Result] =
    Future.successful(Status(statusCode)("client error"))

  def onServerError(request: RequestHeader, exception: Throwable): Future[Result] = {
    logger.error(ExceptionUtils.getStackTrace(exception))
    Future.successful(InternalServerError("server error"))
  }
}
