"""Task progress takes the one measure shape (devplan.measures): each row moves from its task to the task's
region, year and code (`measure`), and back."""

import django.db.models.deletion
from django.db import migrations, models


def to_measures(apps, schema_editor):
    progress = apps.get_model("tasks", "TaskProgress")
    for task_id, region_id, year, code in apps.get_model("tasks", "Task").objects.values_list(
            "pk", "region_id", "year", "code"):
        progress.objects.filter(task_id=task_id).update(region_id=region_id, year=year, measure=code)


def to_tasks(apps, schema_editor):
    progress = apps.get_model("tasks", "TaskProgress")
    for task in apps.get_model("tasks", "Task").objects.all():
        progress.objects.filter(region_id=task.region_id, year=task.year, measure=task.code).update(task=task)


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
        migrations.AlterField(model_name="taskprogress", name="task", field=models.ForeignKey(
            null=True, on_delete=django.db.models.deletion.PROTECT, related_name="progress", to="tasks.task",
            verbose_name="任务")),
        migrations.RunPython(to_measures, to_tasks),
        migrations.RemoveField(model_name="taskprogress", name="task"),
    ]
