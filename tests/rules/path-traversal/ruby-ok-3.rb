# bastion-fixture: app/controllers/shared_files_controller.rb
# ok: path-traversal
class SharedFilesController < ApplicationController
  ROOT = Rails.root.join("shared")

  def show
    target = existing_path(params[:path])
    send_file target
  end

  def destroy
    target = confined_path(params[:path])
    FileUtils.rm_rf(target)
  end

  private

  # Resolves the asked path under ROOT and refuses one that leaves it.
  def confined_path(relative)
    base = Pathname.new(ROOT)
    candidate = Pathname.new(File.join(ROOT, relative)).expand_path
    unless Storage.in_dir?(candidate, base)
      raise ArgumentError, "outside the shared folder"
    end

    candidate
  end

  def existing_path(relative)
    @found = confined_path(relative)
    raise ActionController::RoutingError, "Not Found" unless File.exist?(@found)

    @found
  end
end
