"""Revisions point to the change set that wrote them; who, when, why and which file leave the rows.
Rows written before are grouped by their provenance into legacy change sets (devplan.recording.legacy)."""

import django.db.models.deletion
from django.db import migrations, models

from devplan.recording.legacy import attacher


class Migration(migrations.Migration):

    dependencies = [
        ("indicators", "0003_figure_key"),
        ("recording", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="indicator",
            name="frequency",
            field=models.CharField(choices=[("monthly", "月度"), ("quarterly", "季度（3、6、9、12月）"), ("annual", "年度（12月）")], default="monthly", max_length=10, verbose_name="报送频率"),
        ),
        migrations.AddField(model_name="target", name="change_set", field=models.ForeignKey(null=True, on_delete=django.db.models.deletion.PROTECT, related_name="+", to="recording.changeset", verbose_name="修改记录")),
        migrations.AddField(model_name="figure", name="change_set", field=models.ForeignKey(db_constraint=False, db_index=False, null=True, on_delete=django.db.models.deletion.PROTECT, related_name="+", to="recording.changeset", verbose_name="修改记录")),
        migrations.RunPython(attacher("indicators", ("target", "source_document"), ("figure", "source_document")), migrations.RunPython.noop),
        migrations.RemoveField(model_name="target", name="reason"),
        migrations.RemoveField(model_name="target", name="recorded_at"),
        migrations.RemoveField(model_name="target", name="recorded_by"),
        migrations.RemoveField(model_name="target", name="recorded_by_name"),
        migrations.RemoveField(model_name="target", name="source_document"),
        migrations.AlterField(model_name="target", name="change_set", field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name="+", to="recording.changeset", verbose_name="修改记录")),
        migrations.RemoveField(model_name="figure", name="reason"),
        migrations.RemoveField(model_name="figure", name="recorded_at"),
        migrations.RemoveField(model_name="figure", name="recorded_by"),
        migrations.RemoveField(model_name="figure", name="recorded_by_name"),
        migrations.RemoveField(model_name="figure", name="source_document"),
        migrations.AlterField(model_name="figure", name="change_set", field=models.ForeignKey(db_constraint=False, db_index=False, on_delete=django.db.models.deletion.PROTECT, related_name="+", to="recording.changeset", verbose_name="修改记录")),
    ]
