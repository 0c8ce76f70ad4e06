"""Attraction takes the one measure shape (devplan.measures): a stage and an industry chain for the pipeline
(existing rows are the unstaged results), project count and contract capital."""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [("attraction", "0004_change_sets")]

    operations = [
        migrations.RemoveConstraint(model_name="attractiontarget", name="attraction_target_revision_unique"),
        migrations.RemoveConstraint(model_name="attractionfigure", name="attraction_figure_revision_unique"),
    ]
