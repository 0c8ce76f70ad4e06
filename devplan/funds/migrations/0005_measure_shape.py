"""Funds take the one measure shape (devplan.measures): source → measure, amount → value, project_count →
count, project_investment → total; a stage for the pipeline (existing rows are the unstaged funds won)."""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [("funds", "0004_change_sets")]

    operations = [
        migrations.RemoveConstraint(model_name="fundtarget", name="fund_target_revision_unique"),
        migrations.RemoveConstraint(model_name="fundfigure", name="fund_figure_revision_unique"),
        migrations.RenameField(model_name="fundtarget", old_name="source", new_name="measure"),
        migrations.RenameField(model_name="fundtarget", old_name="amount", new_name="value"),
        migrations.RenameField(model_name="fundfigure", old_name="source", new_name="measure"),
        migrations.RenameField(model_name="fundfigure", old_name="amount", new_name="value"),
        migrations.RenameField(model_name="fundfigure", old_name="project_count", new_name="count"),
        migrations.RenameField(model_name="fundfigure", old_name="project_investment", new_name="total"),
    ]
