"""Revisions point to the change set that wrote them; who, when, why and which file leave the rows.
Rows written before are grouped by their provenance into legacy change sets (devplan.recording.legacy)."""

import django.db.models.deletion
from django.db import migrations, models

from devplan.recording.legacy import attacher


class Migration(migrations.Migration):

    dependencies = [
        ("projects", "0004_bulk_load_defaults"),
        ("recording", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="progress",
            name="explanation",
            field=models.TextField(blank=True, verbose_name="偏差说明"),
        ),
        migrations.AddField(model_name="progress", name="change_set", field=models.ForeignKey(null=True, on_delete=django.db.models.deletion.PROTECT, related_name="+", to="recording.changeset", verbose_name="修改记录")),
        migrations.RunPython(attacher("projects", "progress"), migrations.RunPython.noop),
        migrations.RemoveField(model_name="progress", name="reason"),
        migrations.RemoveField(model_name="progress", name="recorded_at"),
        migrations.RemoveField(model_name="progress", name="recorded_by"),
        migrations.RemoveField(model_name="progress", name="recorded_by_name"),
        migrations.AlterField(model_name="progress", name="change_set", field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name="+", to="recording.changeset", verbose_name="修改记录")),
    ]
