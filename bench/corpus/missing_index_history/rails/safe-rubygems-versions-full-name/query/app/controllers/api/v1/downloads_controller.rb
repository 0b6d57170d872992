class Api::V1::DownloadsController < Api::BaseController
  def show
    found = Version.find_by(full_name: params[:id])
    head(:not_found) unless found
  end
end
