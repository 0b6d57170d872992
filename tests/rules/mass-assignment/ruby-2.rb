# bastion-fixture: app/controllers/projects_controller.rb
class ProjectsController < ApplicationController
  def create
    @project = Project.create!(
# expect: mass-assignment
      params.require(:project).permit!.merge(owner: current_user)
    )
  end

  def update
# expect: mass-assignment
    attrs = params.require(:project).permit!
    @project.assign_attributes(attrs)
    @project.save!
  end

  def import
    Project.insert_all(import_params)
  end

  private

  def import_params
# expect: mass-assignment
    params.require(:rows).permit!
  end
end

class RowsController < ApplicationController
  def create = Row.upsert_all(row_params)

# expect: mass-assignment
  def row_params = params.require(:rows).permit!
end
