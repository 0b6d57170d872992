class Api::V1::DownloadsController < Api::BaseController

  def show
    full_name = params[:id]
    version = Version.find_by(full_name: full_name)
    if version
    end
  end
end
