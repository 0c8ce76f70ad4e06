"""Task progress takes the one measure shape (devplan.measures): each row moves from its task to the task's
region, year and code (`measure`). Not reversible: the old rows named their task by key only."""

import django.db.models.deletion
from django.db import migrations, models


def to_measures(apps, schema_editor):
    progress = apps.get_model("tasks", "TaskProgress")
    for task_id, region_id, year, code in apps.get_model("tasks", "Task").objects.values_list(
            "pk", "region_id", "year", "code"):
        progress.objects.filter(task_id=task_id).update(region_id=region_id, year=year, measure=code)


class Migration(migrations.Migration):

    dependencies = [("tasks", "0004_change_sets"), ("regions", "0001_initial")]

    operations = [
        migrations.RemoveConstraint(model_name="taskprogress", name="task_progress_revision_unique"),
        migrations.AddField(model_name="taskprogress", name="region", field=models.ForeignKey(
            null=True, on_delete=django.db.models.deletion.PROTECT, related_name="+", to="regions.region",
            verbose_name="行政区")),
        migrations.AddField(model_name="taskprogress", name="year", field=models.PositiveSmallIntegerField(
            "年度", null=True)),
        migrations.AddField(model_name="taskprogress", name="measure", field=models.CharField(
            "指标", max_length=50, default="")),
        migrations.RunPython(to_measures),
        migrations.RemoveField(model_name="taskprogress", name="task"),
    ]
